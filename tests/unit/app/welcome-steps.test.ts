// The guided join's progress rule: which step a landing opens, and where each step leads once finished or skipped.
import { describe, expect, it } from 'vitest'
import { nextWelcomeStep, welcomeStepOf } from '../../../src/app/queries/welcome.ts'
import { familyId } from '../domain/rota-fixtures.ts'

const noFamily = { familyId: null }
const withFamily = { familyId: familyId(1) }

describe('welcomeStepOf', () => {
  it('opens nothing on a phone that never joined by link (the creator, an older member) or finished', () => {
    expect(welcomeStepOf(null, noFamily)).toBeNull()
    expect(welcomeStepOf('done', noFamily)).toBeNull()
    expect(welcomeStepOf('done', withFamily)).toBeNull()
  })

  it('opens the first unfinished step of a phone that joined by link', () => {
    expect(welcomeStepOf('famille', noFamily)).toBe('famille')
    expect(welcomeStepOf('enfants', withFamily)).toBe('enfants')
    expect(welcomeStepOf('disponibilites', withFamily)).toBe('disponibilites')
  })

  it('never asks "who are you" of a phone that already has a family', () => {
    expect(welcomeStepOf('famille', withFamily)).toBeNull()
  })

  it('does not ask for children or availability when no family is chosen (nothing to add them to)', () => {
    expect(welcomeStepOf('enfants', noFamily)).toBeNull()
    expect(welcomeStepOf('disponibilites', noFamily)).toBeNull()
  })
})

describe('nextWelcomeStep', () => {
  it('goes family, children, availability, then done', () => {
    expect(nextWelcomeStep('famille', withFamily)).toBe('enfants')
    expect(nextWelcomeStep('enfants', withFamily)).toBe('disponibilites')
    expect(nextWelcomeStep('disponibilites', withFamily)).toBe('done')
  })

  it('ends the guide when the family step is skipped without a family', () => {
    expect(nextWelcomeStep('famille', noFamily)).toBe('done')
  })

})
