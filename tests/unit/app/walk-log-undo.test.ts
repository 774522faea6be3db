// "Annuler" on a check-in withdraws only this phone's mark: another adult's mark it had overridden shows again.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import type { ActorId, AdultId, ChildId, LineId, StopId } from '../../../src/domain/ids.ts'
import { writeCheckIn } from '../../../src/doc/mutations-walk-log.ts'
import { readFlatValues } from '../../../src/doc/read-flat.ts'
import { checkInReader } from '../../../src/doc/read-walk-log.ts'
import { currentMarks, ownMark } from '../../../src/domain/walk-log/check-in.ts'

const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const walk = { lineId: u(1) as LineId, date: localDate('2027-03-15'), direction: 'aller' as const }
const lea = u(2) as ChildId
const A = u(3) as ActorId
const B = u(4) as ActorId
const adultA = u(5) as AdultId
const adultB = u(6) as AdultId
const stop = u(7) as StopId
const checkIns = (doc: Y.Doc) => readFlatValues(doc, checkInReader)
const shown = (doc: Y.Doc) => currentMarks(checkIns(doc), walk, lea).map((m) => `${m.status}@${m.adultId === adultA ? 'A' : 'B'}`)

describe('undo of a check-in', () => {
  it('"Annuler" after overriding another adult’s mark restores that mark', () => {
    const doc = new Y.Doc()
    writeCheckIn(doc, { walk, childId: lea, status: 'present', stopId: stop, adultId: adultB, actor: B })
    // Adult A taps "Absent" by mistake (A's phone had B's mark), then "Annuler".
    writeCheckIn(doc, { walk, childId: lea, status: 'absent', stopId: stop, adultId: adultA, actor: A })
    expect(shown(doc)).toEqual(['absent@A'])
    writeCheckIn(doc, { walk, childId: lea, status: 'unmarked', stopId: stop, adultId: adultA, actor: A })
    expect(shown(doc)).toEqual(['present@B'])
    expect(ownMark(checkIns(doc), walk, lea, A)).toMatchObject({ status: 'unmarked', seen: {} })
  })

  it('an undo of a status another adult set only clears this phone’s own mark', () => {
    const doc = new Y.Doc()
    writeCheckIn(doc, { walk, childId: lea, status: 'present', stopId: stop, adultId: adultB, actor: B })
    writeCheckIn(doc, { walk, childId: lea, status: 'unmarked', stopId: stop, adultId: adultA, actor: A })
    expect(shown(doc)).toEqual(['present@B'])
  })

  it('a new mark still supersedes the marks its phone had', () => {
    const doc = new Y.Doc()
    writeCheckIn(doc, { walk, childId: lea, status: 'present', stopId: stop, adultId: adultB, actor: B })
    writeCheckIn(doc, { walk, childId: lea, status: 'absent', stopId: stop, adultId: adultA, actor: A })
    expect(ownMark(checkIns(doc), walk, lea, A)?.seen).toEqual({ [B]: ownMark(checkIns(doc), walk, lea, B)?.clock })
  })
})
