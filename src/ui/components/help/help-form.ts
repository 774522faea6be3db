// Pure logic of the "Demander ou proposer un coup de main" form: its values, the input sent, errors placed per field.
import type { HelpRequestInput } from '../../../domain/help/records.ts'
import type { FieldErrors } from '../../../domain/validation.ts'

export const HELP_FIELDS = ['type', 'kind', 'date', 'from', 'to', 'needed', 'note'] as const
export type HelpField = (typeof HELP_FIELDS)[number]

/** What the form holds while typed: every field as text, empty meaning "not given". */
export interface HelpValues {
  readonly type: 'request' | 'offer'
  readonly kind: string
  readonly date: string
  readonly from: string
  readonly to: string
  readonly needed: string
  readonly note: string
}

export const emptyHelpValues = (kind: string): HelpValues =>
  ({ type: 'request', kind, date: '', from: '', to: '', needed: '1', note: '' })

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())

/** The command's input: empty date and times left out, the number read as typed (a wrong one refused by the domain). */
export const helpInputOf = (values: HelpValues): HelpRequestInput => {
  const needed = values.needed.trim()
  return {
    type: values.type,
    kind: values.kind,
    ...optional('date', given(values.date)),
    ...optional('from', given(values.from)),
    ...optional('to', given(values.to)),
    needed: needed === '' ? Number.NaN : Number(needed),
    note: values.note,
  }
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>

/**
 * The domain's errors on the fields the form shows: the window's error (no field of its own) goes on the end time
 * when both times are given (it ends before it starts), else on the date (times without a date): 'windowNeedsDate'.
 */
export const helpFieldErrors = (errors: FieldErrors, values: HelpValues): Partial<Record<HelpField, string>> => {
  const placed: Partial<Record<HelpField, string>> = {}
  for (const [field, key] of Object.entries(errors)) {
    if ((HELP_FIELDS as readonly string[]).includes(field)) placed[field as HelpField] ??= key
    else if (key === 'invalidWindow') {
      const both = given(values.from) !== undefined && given(values.to) !== undefined && given(values.date) !== undefined
      if (both) placed.to ??= 'invalidWindow'
      else placed.date ??= 'windowNeedsDate'
    }
  }
  return placed
}
