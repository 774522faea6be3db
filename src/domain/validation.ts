// Turns Zod issues into per-field message keys that the UI translates (French first).
import type { z } from 'zod'

export type FieldErrors = Readonly<Record<string, string>>

/** First issue per field, as a message key (e.g. `required`, `tooLong`), keyed by the field path. */
export const fieldErrorsOf = (error: z.ZodError): FieldErrors => {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_'
    if (!(field in errors)) errors[field] = issue.code === 'invalid_type' ? 'required' : issue.message
  }
  return errors
}
