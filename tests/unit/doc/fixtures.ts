// Helpers for the document tests: a collective with one line, stops, a family with an adult and a child.
import * as Y from 'yjs'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { MAP_META, META_SCHEMA_VERSION } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import type { AdultId, ChildId, FamilyId, LineId, StopId } from '../../../src/domain/ids.ts'
import type { StopInput } from '../../../src/domain/line.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { SealKey } from '../../../src/lib/seal.ts'
import { TEST_SEAL_KEY } from '../../helpers/seal-key.ts'

export const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`)
  return result.value
}

export const stopInput = (name: string, aller = '08:10'): StopInput => ({
  name,
  times: { aller },
  access: { stepFree: false, dangerousCrossing: false, note: '' },
})

export interface Fixture {
  doc: Y.Doc
  lineId: LineId
  stops: StopId[]
  familyId: FamilyId
  adultId: AdultId
  childId: ChildId
}

/** The key (the test collective's, unless given) is bound before the first write, as the app session does: personal fields are stored sealed. */
export const newFixture = (sealKey: SealKey = TEST_SEAL_KEY): Fixture => {
  const doc = new Y.Doc()
  bindSealKey(doc, sealKey)
  edit.initCollective(doc, { name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac' })
  const lineId = valueOf(edit.addLine(doc, { name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
  const stops = ['Marché', 'Lilas', 'Parc'].map((name) => valueOf(edit.addStop(doc, lineId, stopInput(name))))
  const familyId = valueOf(edit.addFamily(doc, { displayName: 'Martin' }))
  const adultId = valueOf(edit.addAdult(doc, familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-07', insured: true }))
  const route = { lineId, stopId: stops[1]! }
  const childId = valueOf(edit.addChild(doc, familyId, {
    firstName: 'Léa', initial: 'm', routes: { aller: route, retour: route }, days: [1, 2, 4, 5], support: 'Tenir la main aux traversées', countsExtra: false,
  }))
  return { doc, lineId, stops, familyId, adultId, childId }
}

/**
 * The fixture as a collective created before schema 2 (src/doc/keys.ts SCHEMA_VERSION): its sign-ups are written in
 * the first layout (`walk|adult|actor` keys, JSON values), as every collective of that version goes on writing them.
 */
export const newFirstLayoutFixture = (sealKey: SealKey = TEST_SEAL_KEY): Fixture => {
  const fixture = newFixture(sealKey)
  fixture.doc.getMap(MAP_META).set(META_SCHEMA_VERSION, 1)
  return fixture
}

/** Monday 15 March 2027: a school day in every zone. */
export const walkOn = (lineId: LineId, date = '2027-03-15', direction: 'aller' | 'retour' = 'aller'): WalkRef => ({ lineId, date: localDate(date), direction })

/** Both ways, in the given order. */
export const exchange = (a: Y.Doc, b: Y.Doc, order: 'ab' | 'ba'): void => {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  if (order === 'ab') {
    Y.applyUpdate(b, fromA)
    Y.applyUpdate(a, fromB)
  } else {
    Y.applyUpdate(a, fromB)
    Y.applyUpdate(b, fromA)
  }
}
