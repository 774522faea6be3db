// The urgent item's line about a child with support instructions: who already walked with them, or that nobody has.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { StoredCheckInSchema, StoredWalkEventSchema } from '../../../src/domain/walk-log/records.ts'
import type { EffectiveWalk } from '../../../src/domain/swaps/index.ts'
import { HabitueHints } from '../../../src/ui/components/swaps/HabitueHints.tsx'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { makeView } from '../../helpers/make-view.ts'
import { actorId, adultId, childId, createAdult, createChild, createLine } from '../domain/rota-fixtures.ts'

const walkBefore = { lineId: createLine(1).id, date: '2027-03-08', direction: 'aller' }
const next = { expectedChildIds: [childId(1), childId(2)], lead: null, tail: null, extras: [] } as unknown as EffectiveWalk
const render = (view: ReturnType<typeof makeView>) => renderToString(
  <I18nContext.Provider value={{ language: 'fr', t: createTranslate('fr') }}>
    <HabitueHints view={view} walk={next} now={Date.parse('2027-03-15T07:00:00Z')} />
  </I18nContext.Provider>,
).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

describe('habitué hints on an urgent walk', () => {
  const children = [{ ...createChild(1, 1), support: 'tenir la main' }, createChild(2, 2)]
  const adults = [{ ...createAdult(1, 1), firstName: 'Sophie' }, { ...createAdult(2, 2), firstName: 'Paul' }]

  it('say that nobody has walked with the child yet', () => {
    expect(render(makeView({ lines: [createLine(1)], children, adults }))).toMatch(/sera sur ce trajet et personne n’a encore fait le trajet/)
  })

  it('name who already did, once a walk was done with the child present', () => {
    const checkIns = [StoredCheckInSchema.parse({
      walk: walkBefore, childId: childId(1), status: 'present', stopId: null, adultId: adultId(2), clock: 1, actor: actorId(2),
      at: '2027-03-08T08:10:00+01:00', seen: {},
    })]
    const events = [StoredWalkEventSchema.parse({
      walk: walkBefore, kind: 'arrived', stopId: null, adultId: adultId(2), clock: 2, actor: actorId(2), at: '2027-03-08T08:30:00+01:00', cancelled: false,
    })]
    const text = render(makeView({ lines: [createLine(1)], children, adults, walkLog: { checkIns, events } }))
    expect(text).toMatch(/sera sur ce trajet : Paul a déjà fait le trajet avec cet enfant\./)
  })
})
