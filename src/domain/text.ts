// Shared rules for short free-text fields typed by parents: trimmed, bounded, without control characters.
import { z } from 'zod/mini'

// Control characters other than ordinary spaces would break printouts and screen readers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** A required single-line label, e.g. a collective or school name. Messages are French-first keys. */
export const shortText = (maxLength: number) =>
  z.pipe(
    z.pipe(z.string(), z.transform((text: string) => text.trim().replace(/\s+/g, ' '))),
    z.string().check(
      z.minLength(1, { message: 'required' }),
      z.maxLength(maxLength, { message: 'tooLong' }),
      z.refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'invalidCharacters' }),
    ),
  )

/** The same rule for a label a form may leave empty (an optional setting): '' means "not filled in". */
export const optionalShortText = (maxLength: number) =>
  z.pipe(
    z.pipe(z.string(), z.transform((text: string) => text.trim().replace(/\s+/g, ' '))),
    z.string().check(
      z.maxLength(maxLength, { message: 'tooLong' }),
      z.refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'invalidCharacters' }),
    ),
  )

/** Same rule for reading stored values: already normalised, only bounded. */
export const storedShortText = (maxLength: number) => z.string().check(z.minLength(1), z.maxLength(maxLength))

/**
 * A text's length as forms count it against a limit: trimmed. Every schema trims before it bounds (short texts also
 * collapse runs of spaces), so this never counts fewer characters than the schema will.
 */
export const textLength = (text: string): number => text.trim().length
