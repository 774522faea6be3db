// "Réglages" of fairness: share per child or per family, the walks a coordinator period counts as, and whether the page
// counts coups de main given and received; saved with setFairness.
import { useState } from 'preact/hooks'
import type { PlanningCommands } from '../../../app/api.ts'
import { COORDINATOR_CREDIT_MAX } from '../../../app/queries/limits.ts'
import type { FairnessSetting, ShareBasis } from '../../../domain/planning/records.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { CheckboxField, ChoiceGroup, InputField, focusFirstManageError } from '../manage/fields.tsx'
import { FormError } from './FormError.tsx'
import { planningErrorText } from './planning-text.ts'

const BASES: readonly ShareBasis[] = ['perChild', 'perFamily']
const FIELDS = ['basis', 'coordinatorCredit', 'form'] as const
type Field = (typeof FIELDS)[number]
const idOf = (field: string): string => `fairness-${field}`

/** The credit as typed: a whole number, or the error key shown on the field. */
export const creditOf = (typed: string): { ok: true; value: number } | { ok: false; error: string } =>
  /^\s*\d+\s*$/.test(typed) ? { ok: true, value: Number(typed.trim()) } : { ok: false, error: 'invalidNumber' }

/** The form as typed: null until something is changed, then the values typed. */
interface Draft {
  readonly basis: ShareBasis
  readonly credit: string
  readonly helpCounts: boolean
}

/**
 * Untouched, the form shows the stored setting (a change synced from another phone shows up);
 * once something is typed it keeps it (a sync never wipes typing) until it is saved.
 */
export function FairnessSettingForm({ session, setting }: { session: PlanningCommands; setting: FairnessSetting }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [draft, setDraft] = useState<Draft | null>(null)
  const basis = draft?.basis ?? setting.basis
  const credit = draft?.credit ?? String(setting.coordinatorCredit)
  const helpCounts = draft?.helpCounts ?? setting.helpCounts !== false
  const setBasis = (value: ShareBasis) => setDraft({ basis: value, credit, helpCounts })
  const setCredit = (value: string) => setDraft({ basis, credit: value, helpCounts })
  const setHelpCounts = (value: boolean) => setDraft({ basis, credit, helpCounts: value })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const fail = (fieldErrors: Partial<Record<Field, string>>) => {
    setErrors(fieldErrors)
    focusFirstManageError(FIELDS, fieldErrors, idOf)
  }
  const submit = (event: Event) => {
    event.preventDefault()
    const parsed = creditOf(credit)
    if (!parsed.ok) return fail({ coordinatorCredit: parsed.error })
    const result = session.setFairness({ basis, coordinatorCredit: parsed.value, helpCounts })
    if (!result.ok) {
      const fieldErrors: Partial<Record<Field, string>> = {}
      for (const [path, key] of Object.entries(result.error)) fieldErrors[FIELDS.find((field) => field === path) ?? 'form'] ??= key
      return fail(fieldErrors)
    }
    setErrors({})
    // Saved: the form follows the stored setting again (what was just saved).
    setDraft(null)
    announce(t('planning.settings.saved'))
  }
  const errorOf = (field: Field): string | null => {
    const key = errors[field]
    return key === undefined ? null : planningErrorText(t, key, 'coordinatorCredit')
  }
  return (
    <form class="card" aria-labelledby="fairness-settings-title" onSubmit={submit} noValidate data-testid="fairness-settings">
      <h2 id="fairness-settings-title">{t('planning.settings.title')}</h2>
      <ChoiceGroup<ShareBasis>
        id={idOf('basis')}
        kind="radio"
        legend={t('planning.settings.basis')}
        options={BASES.map((value) => ({ value, label: t(`planning.settings.basis.${value}`) }))}
        selected={[basis]}
        onChange={([value]) => value && setBasis(value)}
        error={errorOf('basis')}
      />
      <InputField
        id={idOf('coordinatorCredit')}
        label={t('planning.settings.credit')}
        hint={t('planning.settings.creditHint', { max: COORDINATOR_CREDIT_MAX })}
        inputMode="numeric"
        maxDigits={3}
        value={credit}
        onInput={setCredit}
        error={errorOf('coordinatorCredit')}
      />
      <CheckboxField
        id={idOf('helpCounts')}
        label={t('planning.settings.helpCounts')}
        hint={t('planning.settings.helpCountsHint')}
        checked={helpCounts}
        onChange={setHelpCounts}
      />
      {errorOf('form') && <FormError id={idOf('form')} text={errorOf('form') ?? ''} />}
      <button type="submit" class="button">{t('planning.settings.save')}</button>
    </form>
  )
}
