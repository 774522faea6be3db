// Shared rules for short free-text fields typed by parents: trimmed, bounded, without control characters.
import { z } from 'zod'

// Control characters other than ordinary spaces would break printouts and screen readers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** A required single-line label, e.g. a collective or school name. Messages are French-first keys. */
export const shortText = (maxLength: number) =>
  z
    .string()
    .transform((text) => text.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, { message: 'required' })
        .max(maxLength, { message: 'tooLong' })
        .refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'invalidCharacters' }),
    )

/** Same rule for reading stored values: already normalised, only bounded. */
export const storedShortText = (maxLength: number) => z.string().min(1).max(maxLength)
