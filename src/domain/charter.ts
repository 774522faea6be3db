// The collective's charter (issue 18): one free text the members agree on, its form input and stored record schemas.
//
// Stored as one flat entry of its own map, keyed CHARTER_KEY (src/doc/record-kinds.ts: charterKind), its text sealed
// like a meeting's agenda: it is the collective's text, not a person's, but a member may well write "en cas de souci,
// appeler Sophie au 06…" in it, and the relay must never read a name or a phone number. The profile (name, school,
// town) stays in clear because the relay's host knows its clients anyway; a free text of several paragraphs does not.
import { z } from 'zod/mini'

/** A few thousand characters: a page of rules, not a handbook. */
export const CHARTER_MAX = 4000
/** The one key of the charter's map: last writer wins, as on a profile field. */
export const CHARTER_KEY = 'charter'

// Control characters other than line breaks and tabs would break printouts and screen readers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** What the charter form sends: several paragraphs, trimmed and bounded; '' removes the charter. */
export const CharterInputSchema = z.object({
  text: z.pipe(
    z.pipe(z.string(), z.transform((text: string) => text.replace(/\r\n?/g, '\n').trim())),
    z.string().check(
      z.maxLength(CHARTER_MAX, { message: 'tooLong' }),
      z.refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'invalidCharacters' }),
    ),
  ),
})
export type CharterInput = z.input<typeof CharterInputSchema>

/** The stored record (the document and the export files): a non-empty text; unknown fields of newer versions are kept. */
export const StoredCharterSchema = z.looseObject({
  text: z.string().check(z.minLength(1), z.maxLength(CHARTER_MAX)),
})
export type Charter = z.output<typeof StoredCharterSchema>
