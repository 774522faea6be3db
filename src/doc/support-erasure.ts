// Erases a child's support note and flag left under a withdrawn agreement, on any member's phone (the withdrawal wins).
//
// A withdrawal empties the note and the flag; an edit that did not see it (another phone offline, an older app) may
// write them again, and the merge keeps each field's latest write. The reader never shows such a note
// (src/domain/support-consent.ts `withheldSupport`); this takes it out of the document, so the erasure compaction
// takes it off the phones' IndexedDB and the relay's files. Idempotent: every phone writes the same empty values.
import * as Y from 'yjs'
import { CANNOT_OPEN, personalContext, sealKeyOf, sealPersonal, openPersonal } from './codec.ts'
import { MAP_CHILDREN, Origin, safeMap } from './keys.ts'
import { isPlainObject } from './read-util.ts'

/** The child record holds a note (not only spaces, or one this phone cannot open) or the flag. */
const holdsSupport = (doc: Y.Doc, id: string, record: Y.Map<unknown>): boolean => {
  if (record.get('countsExtra') === true) return true
  const note = openPersonal(doc, personalContext(MAP_CHILDREN, id, 'support'), record.get('support'))
  return note === CANNOT_OPEN || (typeof note === 'string' && note.trim() !== '')
}

/**
 * In one transaction (Origin.withdrawSupportConsent), empties the note and clears the flag of every child whose stored
 * agreement is withdrawn; returns how many. No transaction when there is none (nothing to do, or no key bound yet).
 */
export const eraseWithheldSupport = (doc: Y.Doc): number => {
  const children = safeMap(doc, MAP_CHILDREN)
  if (children === null || sealKeyOf(doc) === undefined) return 0
  const due: [string, Y.Map<unknown>][] = []
  for (const [id, record] of children.entries()) {
    if (!(record instanceof Y.Map)) continue
    const consent = record.get('supportConsent')
    if (isPlainObject(consent) && isPlainObject(consent.withdrawn) && holdsSupport(doc, id, record)) due.push([id, record])
  }
  if (due.length === 0) return 0
  doc.transact(() => {
    for (const [id, record] of due) {
      record.set('support', sealPersonal(doc, personalContext(MAP_CHILDREN, id, 'support'), ''))
      if (record.get('countsExtra') !== false) record.set('countsExtra', false)
    }
  }, Origin.withdrawSupportConsent)
  return due.length
}
