// Coups de main in the document, through the registry alone: the note sealed, answers keyed per family, owners' cascades.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { putEntry } from '../../../src/doc/entries.ts'
import { writeHelpAnswer, writeHelpRequest } from '../../../src/doc/mutations-help.ts'
import { ChangeOrigin } from '../../../src/doc/keys.ts'
import { readFlatMap } from '../../../src/doc/read-flat.ts'
import type { RecordToCheck } from '../../../src/doc/read-util.ts'
import { CLOCKED_ENTRY_MAPS, helpAnswerKind, helpKindKind, helpRequestKind, ownedBy } from '../../../src/doc/record-kinds.ts'
import { StoredHelpRequestSchema, createHelpRequestId, type HelpAnswer, type HelpRequest } from '../../../src/domain/help/records.ts'
import { createActorId, createFamilyId } from '../../../src/domain/ids.ts'
import { resolveHelp } from '../../../src/domain/help/resolve.ts'
import { isSealed } from '../../../src/lib/seal.ts'
import { newFixture } from './fixtures.ts'

const origin = new ChangeOrigin('testHelp')
const actor = createActorId()

const aRequest = (): HelpRequest => StoredHelpRequestSchema.parse({
  id: createHelpRequestId(), familyId: createFamilyId(), type: 'request', kind: 'wednesday', date: '2027-03-17', from: '14:00',
  to: '17:00', needed: 1, note: 'Qui peut garder Léa, 4 rue des Lilas ?', status: 'open', confirmed: [], clock: 3, actor,
})

describe('coups de main in the document', () => {
  it('store a request with its note sealed, and read it back opened', () => {
    const { doc } = newFixture()
    const request = aRequest()
    expect(putEntry(doc, helpRequestKind, request, origin)).toEqual({ ok: true, value: request.id })
    const stored = doc.getMap(helpRequestKind.mapName).get(request.id) as Record<string, unknown>
    expect(isSealed(stored.note)).toBe(true)
    expect(JSON.stringify(doc.getMap(helpRequestKind.mapName).toJSON())).not.toContain('Lilas')
    const toCheck: RecordToCheck[] = []
    expect(readFlatMap(doc, helpRequestKind, toCheck)).toEqual([request])
    expect(toCheck).toEqual([])
  })

  it('keep one answer per family: a second write by the same family replaces the first', () => {
    const { doc } = newFixture()
    const request = aRequest()
    const familyId = createFamilyId()
    const answer: HelpAnswer = { requestId: request.id, familyId, status: 'active', clock: 4, actor }
    putEntry(doc, helpAnswerKind, answer, origin)
    putEntry(doc, helpAnswerKind, { ...answer, status: 'withdrawn', clock: 5 }, origin)
    expect(readFlatMap(doc, helpAnswerKind, [])).toEqual([{ ...answer, status: 'withdrawn', clock: 5 }])
  })

  it('refuse more confirmed helpers than needed, and list a damaged request "to check"', () => {
    const { doc } = newFixture()
    const request = { ...aRequest(), confirmed: [createFamilyId(), createFamilyId()] }
    expect(putEntry(doc, helpRequestKind, request, origin).ok).toBe(false)
    doc.getMap(helpRequestKind.mapName).set('x', { needed: 3 })
    const toCheck: RecordToCheck[] = []
    expect(readFlatMap(doc, helpRequestKind, toCheck)).toEqual([])
    expect(toCheck).toEqual([expect.objectContaining({ kind: 'helpRequest', key: 'x' })])
  })

  it('order requests and answers by the shared clock, and remove them with their family or their request', () => {
    expect(CLOCKED_ENTRY_MAPS).toEqual(expect.arrayContaining([helpRequestKind.mapName, helpAnswerKind.mapName]))
    expect(ownedBy('family').map((o) => o.kind.kind)).toEqual(expect.arrayContaining(['helpRequest', 'helpAnswer']))
    expect(ownedBy('helpRequest').map((o) => o.kind.kind)).toEqual(['helpAnswer'])
    expect(helpKindKind.personal).toEqual([])
  })

  it('give the last place to the same family on two phones that answered offline, whichever merge comes first', () => {
    const phoneA = newFixture().doc
    const request = aRequest()
    expect(writeHelpRequest(phoneA, { ...request, actor }).ok).toBe(true)
    const phoneB = newFixture().doc
    Y.applyUpdate(phoneB, Y.encodeStateAsUpdate(phoneA))
    const [familyA, familyB] = [createFamilyId(), createFamilyId()]
    const [actorA, actorB] = [createActorId(), createActorId()]
    writeHelpAnswer(phoneA, { requestId: request.id, familyId: familyA, status: 'active', actor: actorA })
    writeHelpAnswer(phoneB, { requestId: request.id, familyId: familyB, status: 'active', actor: actorB })
    const keptBefore = (doc: Y.Doc) => resolveHelp(readFlatMap(doc, helpRequestKind, [])[0]!, readFlatMap(doc, helpAnswerKind, []))
    expect(keptBefore(phoneA).holders).toEqual([familyA])
    expect(keptBefore(phoneB).holders).toEqual([familyB])
    Y.applyUpdate(phoneA, Y.encodeStateAsUpdate(phoneB))
    Y.applyUpdate(phoneB, Y.encodeStateAsUpdate(phoneA))
    const [onA, onB] = [keptBefore(phoneA), keptBefore(phoneB)]
    expect(onA).toEqual(onB)
    expect(onA.holders).toHaveLength(1)
    expect(onA.waiting).toHaveLength(1)
    expect(onA.holders[0]).toBe(actorA < actorB ? familyA : familyB)
  })
})
