// The first state of a collective's next document generation, built from the archived document's final state.
import * as Y from 'yjs'
import { collectiveExportJson, parseCollectiveExport } from '../domain/export/collective-export.ts'
import { successorOf, successorYearStart, type NextGeneration } from '../domain/year/next-generation.ts'
import type { SealKey } from '../lib/seal.ts'
import { bindSealKey } from './codec.ts'
import { MAP_META, META_GENERATION_COMPLETE } from './keys.ts'
import { readCollective } from './read.ts'
import { writeRestoredCollective } from './restore.ts'

/** The archived document holds no valid collective (no profile): there is nothing to go on with. */
export class InvalidArchiveError extends Error {
  constructor() {
    super('the archive holds no valid collective')
    this.name = 'InvalidArchiveError'
  }
}

/**
 * A new document (sealed with the successor room's `key`) holding the collective of `archive` minus what stays in
 * the archive only: the same records under the same ids and clocks, written once each (no history, no tombstones),
 * sign-ups in the current layout. Goes through the export file and its parser, so only valid records go over (records
 * "to check" stay in the archive). The build is marked whole in a second transaction (META_GENERATION_COMPLETE).
 */
export const buildSuccessorDoc = (archive: Y.Doc, next: NextGeneration, key: SealKey, now: number): Y.Doc => {
  const file = parseCollectiveExport(collectiveExportJson(successorOf(readCollective(archive), next).source, now))
  if (!file.ok) throw new InvalidArchiveError()
  const doc = new Y.Doc()
  bindSealKey(doc, key)
  writeRestoredCollective(doc, file.value, { yearStartedOn: successorYearStart(next) })
  doc.getMap<unknown>(MAP_META).set(META_GENERATION_COMPLETE, true)
  return doc
}
