// Pure reading of reduced shares ("Parts réduites") for the screens: which ones to list, form values -> input, field errors.
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import type { Exemption, ExemptionInput } from '../../../domain/planning/records.ts'
import type { FieldErrors } from '../../../domain/validation.ts'

/**
 * Reduced shares not withdrawn and not over by `today`, of families that still exist (a removed
 * family's record stays in the document, but there is no one left to name), by start date.
 */
export const currentExemptions = (exemptions: readonly Exemption[], today: LocalDate, families: readonly { readonly id: FamilyId }[]): Exemption[] => {
  const existing = new Set<FamilyId>(families.map((family) => family.id))
  return exemptions
    .filter((exemption) => exemption.withdrawn === undefined && exemption.to >= today && existing.has(exemption.familyId))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.id.localeCompare(b.id))
}

export interface ExemptionValues {
  readonly familyId: string
  readonly from: string
  readonly to: string
  readonly sharePercent: 0 | 25 | 50 | 75
}

export const exemptionInputOf = (values: ExemptionValues): ExemptionInput => ({ ...values })

export const EXEMPTION_FIELDS = ['familyId', 'from', 'to', 'sharePercent', 'form'] as const
export type ExemptionField = (typeof EXEMPTION_FIELDS)[number]

/** Domain errors by input path; 'unknownFamily' goes on the family, anything unknown on the form (never dropped). */
export const exemptionFieldErrors = (errors: FieldErrors): Partial<Record<ExemptionField, string>> => {
  const result: Partial<Record<ExemptionField, string>> = {}
  for (const [path, key] of Object.entries(errors)) {
    const head = path.split('.')[0] ?? ''
    const field = key === 'unknownFamily' ? 'familyId' : EXEMPTION_FIELDS.find((candidate) => candidate === head) ?? 'form'
    result[field] ??= key
  }
  return result
}
