// The kinds of coups de main: the shipped defaults (French, with their English and Arabic texts) and the collective's edits.
import { z } from 'zod/mini'
import type { Language } from '../language.ts'
import { shortText } from '../text.ts'

export interface HelpKind {
  readonly id: string
  /** A shipped kind's text in each language, or the label the collective typed (shown as typed, in any language). */
  readonly label: Readonly<Record<Language, string>> | string
}

export const DEFAULT_HELP_KINDS: readonly HelpKind[] = [
  { id: 'wednesday', label: { fr: 'Garde le mercredi', en: 'Wednesday minding', ar: 'رعاية الأطفال يوم الأربعاء' } },
  { id: 'carpool', label: { fr: 'Covoiturage', en: 'Car sharing', ar: 'مشاركة السيارة' } },
  { id: 'strike', label: { fr: 'Jour de grève', en: 'Strike day', ar: 'يوم إضراب' } },
  { id: 'lending', label: {
    fr: 'Prêt de matériel (siège auto, vélo cargo)', en: 'Lending gear (car seat, cargo bike)',
    ar: 'إعارة معدات (مقعد سيارة، دراجة شحن)',
  } },
  { id: 'outing', label: { fr: 'Sortie scolaire', en: 'School outing', ar: 'رحلة مدرسية' } },
  { id: 'other', label: { fr: 'Autre', en: 'Other', ar: 'أخرى' } },
]

/** A default kind's slug or a kind the collective added. */
export const HELP_KIND_ID_MAX = 40
export const HELP_KIND_LABEL_MAX = 60

/** What the "Ajouter un type" form sends: a label like any short text (trimmed, bounded, one line). */
export const HelpKindInputSchema = z.object({ label: shortText(HELP_KIND_LABEL_MAX) })

/** The collective's edit of the list: hide a shipped kind (its id), or add one (a new id with its label). */
export const StoredHelpKindSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(HELP_KIND_ID_MAX)),
  label: z.optional(z.string().check(z.minLength(1), z.maxLength(HELP_KIND_LABEL_MAX))),
  hidden: z.boolean(),
})
export type StoredHelpKind = z.output<typeof StoredHelpKindSchema>

/** The list a form offers: shipped kinds not hidden, then added ones by id, "Autre" always last. */
export const helpKindsOf = (edits: readonly StoredHelpKind[]): HelpKind[] => {
  const byId = new Map(edits.map((edit) => [edit.id, edit]))
  const shipped = DEFAULT_HELP_KINDS.filter((kind) => byId.get(kind.id)?.hidden !== true)
  const added = edits
    .filter((edit) => !edit.hidden && edit.label !== undefined && !DEFAULT_HELP_KINDS.some((kind) => kind.id === edit.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((edit) => ({ id: edit.id, label: edit.label as string }))
  const other = shipped.filter((kind) => kind.id === 'other')
  return [...shipped.filter((kind) => kind.id !== 'other'), ...added, ...other]
}

/** A kind's label in the phone's language: a shipped kind's text, or the collective's label as typed. */
export const helpKindLabel = (kind: HelpKind, language: Language): string =>
  typeof kind.label === 'string' ? kind.label : kind.label[language]

/** Every kind a request may name, hidden ones included (a request keeps the kind it was posted with). */
export const allHelpKindsOf = (edits: readonly StoredHelpKind[]): HelpKind[] => [
  ...DEFAULT_HELP_KINDS,
  ...edits.filter((edit) => edit.label !== undefined && !DEFAULT_HELP_KINDS.some((kind) => kind.id === edit.id))
    .map((edit) => ({ id: edit.id, label: edit.label as string })),
]
