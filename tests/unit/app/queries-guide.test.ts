// The guide's read model (src/app/queries/print/guide.ts): the collective's place, its lines by name with their own
// stops in order, its charter or none; and nothing of its families, adults or children.
import { describe, expect, it } from 'vitest'
import { guideOf } from '../../../src/app/queries/print/guide.ts'
import { makeView, TEST_PROFILE } from '../../helpers/make-view.ts'
import { createAdult, createChild, createLine, createStop } from '../domain/rota-fixtures.ts'

const view = makeView({
  lines: [createLine(1, { name: 'Ligne Verte' }), createLine(2, { name: 'Ligne Bleue' })],
  stops: [createStop(1, 1, 2, { aller: '08:10' }), createStop(2, 2, 1, { aller: '08:00' }), createStop(3, 1, 1, { aller: '08:05' })],
  families: [{ id: createAdult(1, 1).familyId, displayName: 'Famille Quenouille' }],
  adults: [createAdult(1, 1)],
  children: [createChild(1, 1)],
})

describe('guideOf', () => {
  it('names the collective, its school and town, and gives each line, by name, its own stops in stop order', () => {
    const guide = guideOf(view)
    expect(guide.place).toEqual({ collective: TEST_PROFILE.name, school: TEST_PROFILE.school, town: TEST_PROFILE.town })
    expect(guide.lines.map(({ line, stops }) => [line.name, stops.map((stop) => stop.name)])).toEqual([
      ['Ligne Bleue', ['Arrêt 2']],
      ['Ligne Verte', ['Arrêt 3', 'Arrêt 1']],
    ])
  })

  it('carries the collective’s charter when it wrote one, else none (the guide prints the default)', () => {
    expect(guideOf(view).charter).toBeNull()
    expect(guideOf(makeView({ charter: { text: 'Nous marchons ensemble.' } })).charter).toBe('Nous marchons ensemble.')
  })

  it('holds nothing of the families, adults or children', () => {
    const text = JSON.stringify(guideOf(view))
    for (const personal of ['Famille Quenouille', 'Adulte1', 'Enfant1', '06 00 00 00 00']) expect(text).not.toContain(personal)
  })

  it('says nothing of a profile not arrived yet rather than an empty name', () => {
    expect(guideOf(makeView({ profile: null })).place).toEqual({ collective: null, school: null, town: null })
  })
})
