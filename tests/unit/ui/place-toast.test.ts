// What a sign-up's toast says once the synced rota moved: the confirmation while it holds, "Finalement, …", or nothing.
import { describe, expect, it } from 'vitest'
import { placeToastText } from '../../../src/ui/components/rota/place-toast.ts'
import { createTranslate } from '../../helpers/translate.ts'

const fr = createTranslate('fr')
const en = createTranslate('en')
const values = { name: 'Léa', day: 'jeudi 11 mars', direction: 'aller' }
const confirmed = 'C’est noté : Léa est conducteur le jeudi 11 mars (aller).'

describe('placeToastText', () => {
  it('keeps the confirmation while the place is held as said', () => {
    expect(placeToastText(fr, { kind: 'held', slot: 'lead' }, { kind: 'held', slot: 'lead' }, confirmed, values)).toBe(confirmed)
  })

  it('says the truth when another phone’s earlier sign-up took the place, in both languages', () => {
    expect(placeToastText(fr, { kind: 'held', slot: 'lead' }, { kind: 'waiting' }, confirmed, values))
      .toBe('Finalement, la place de conducteur du jeudi 11 mars (aller) était déjà prise : Léa est en liste d’attente.')
    expect(placeToastText(en, { kind: 'held', slot: 'lead' }, { kind: 'waiting' }, confirmed, { ...values, day: 'Thursday 11 March', direction: 'to school' }))
      .toBe('After all, the lead place on Thursday 11 March (to school) was already taken: Léa is on the waiting list.')
  })

  it('tells a waiting adult who got a place after all, and which', () => {
    expect(placeToastText(fr, { kind: 'waiting' }, { kind: 'held', slot: 'tail' }, 'Ce créneau est déjà pris…', values))
      .toBe('Finalement, Léa est serre-file le jeudi 11 mars (aller).')
  })

  it('drops the toast when the adult is no longer on the walk (withdrawn elsewhere, walk cancelled)', () => {
    expect(placeToastText(fr, { kind: 'held', slot: 'lead' }, { kind: 'off' }, confirmed, values)).toBeNull()
    expect(placeToastText(fr, { kind: 'waiting' }, { kind: 'off' }, 'x', values)).toBeNull()
  })
})
