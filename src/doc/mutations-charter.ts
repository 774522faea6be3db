// The charter's write (issue 18): the text validated, sealed and written whole under its one key, or removed when empty.
import type * as Y from 'yjs'
import { CharterInputSchema, CHARTER_KEY, type CharterInput } from '../domain/charter.ts'
import { fieldErrorsOf, type FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { deleteEntry, putEntry } from './entries.ts'
import { ChangeOrigin } from './keys.ts'
import { charterKind } from './record-kinds.ts'

const charterOrigin = new ChangeOrigin('charter')

/** The text as written ('' when the charter was removed); field errors when too long or holding control characters. */
export const writeCharter = (doc: Y.Doc, input: CharterInput): Result<string, FieldErrors> => {
  const parsed = CharterInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const { text } = parsed.data
  if (text === '') {
    deleteEntry(doc, charterKind, CHARTER_KEY, charterOrigin)
    return ok('')
  }
  const written = putEntry(doc, charterKind, { text }, charterOrigin)
  return written.ok ? ok(text) : err(written.error)
}
