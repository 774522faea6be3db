// Turns Zod issues into per-field message keys that the UI translates (French first).
import type { z } from 'zod/mini'

export type FieldErrors = Readonly<Record<string, string>>

/** Zod 4 reports a non-integer as `invalid_type` (expected 'int'): that is a wrong number, not a missing one. */
const isMissing = (issue: z.core.$ZodIssue): boolean => issue.code === 'invalid_type' && issue.expected !== 'int'

/**
 * First issue per field, as a message key (e.g. `required`, `tooLong`), keyed by the field path. An issue the schema
 * gave no key gets zod/mini's generic 'Invalid input' (no locale is loaded): the UI shows its generic error for it.
 */
export const fieldErrorsOf = (error: z.core.$ZodError): FieldErrors => {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_'
    if (!(field in errors)) errors[field] = isMissing(issue) ? 'required' : issue.message
  }
  return errors
}
