// "Parts réduites": the reduced shares now or to come (each with "Retirer" behind a confirmation) and the form to declare one; no reason is ever asked.
import { useState } from 'preact/hooks'
import type { CollectiveView, PlanningCommands } from '../../../app/api.ts'
import { EXEMPTION_SHARES } from '../../../app/queries/limits.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import type { Exemption } from '../../../domain/planning/records.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import type { Language, Translate } from '../../i18n/translate.ts'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { ChoiceGroup, InputField, SelectField, focusFirstManageError } from '../manage/fields.tsx'
import { FormError } from './FormError.tsx'
import { formatDay } from '../rota/rota-format.ts'
import {
  currentExemptions, EXEMPTION_FIELDS, exemptionFieldErrors, exemptionInputOf, type ExemptionField, type ExemptionValues,
} from '../../../app/queries/planning/exemption-view.ts'
import { planningErrorText } from './planning-text.ts'

interface ExemptionsSectionProps {
  readonly session: PlanningCommands
  readonly view: CollectiveView
  readonly myFamily: FamilyId | null
  readonly today: LocalDate
}

/** "Famille Martin : 50 % de sa part, du lundi 4 janvier au vendredi 29 janvier". */
export const exemptionText = (t: Translate, language: Language, exemption: Exemption, familyName: string): string =>
  t('planning.exemption.item', { family: familyName, share: exemption.sharePercent, from: formatDay(exemption.from, language), to: formatDay(exemption.to, language) })

export function ExemptionsSection({ session, view, myFamily, today }: ExemptionsSectionProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const names = new Map(view.families.map((family) => [family.id, family.displayName]))
  const listed = currentExemptions(view.planning.exemptions, today, view.families)
  const withdraw = (exemption: Exemption) => {
    const result = session.withdrawExemption(exemption.id)
    announce(result.ok ? t('planning.exemption.withdrawn') : planningErrorText(t, result.error))
  }
  return (
    <section class="card" aria-labelledby="exemptions-title" data-testid="exemptions">
      <h2 id="exemptions-title">{t('planning.exemption.title')}</h2>
      <p>{t('planning.exemption.intro')}</p>
      {listed.length === 0 ? (
        <p class="muted">{t('planning.exemption.none')}</p>
      ) : (
        <ul class="list">
          {listed.map((exemption) => {
            const text = exemptionText(t, language, exemption, names.get(exemption.familyId) ?? '')
            return (
              <li key={exemption.id} class="list__item list__item--stacked" data-testid="exemption">
                <span>{text}</span>
                <ConfirmAction
                  label={t('planning.exemption.withdraw')}
                  accessibleLabel={t('planning.exemption.withdrawLabel', { text })}
                  question={t('planning.exemption.withdrawConfirm', { text })}
                  confirmLabel={t('planning.exemption.withdrawYes')}
                  onConfirm={() => withdraw(exemption)}
                />
              </li>
            )
          })}
        </ul>
      )}
      {view.families.length > 0 && <ExemptionForm session={session} view={view} myFamily={myFamily} today={today} />}
    </section>
  )
}

const idOf = (field: string): string => `exemption-${field}`

function ExemptionForm({ session, view, myFamily, today }: ExemptionsSectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [values, setValues] = useState<ExemptionValues>(() => ({
    familyId: myFamily ?? view.families[0]?.id ?? '', from: today, to: today, sharePercent: 50,
  }))
  const [errors, setErrors] = useState<Partial<Record<ExemptionField, string>>>({})
  const set = (patch: Partial<ExemptionValues>) => setValues((current) => ({ ...current, ...patch }))
  const errorOf = (field: ExemptionField): string | null => {
    const key = errors[field]
    return key === undefined ? null : planningErrorText(t, key)
  }
  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.declareExemption(exemptionInputOf(values))
    if (!result.ok) {
      const fieldErrors = exemptionFieldErrors(result.error)
      setErrors(fieldErrors)
      focusFirstManageError(EXEMPTION_FIELDS, fieldErrors, idOf)
      return
    }
    setErrors({})
    announce(t('planning.exemption.saved', { family: view.families.find((family) => family.id === values.familyId)?.displayName ?? '' }))
  }
  return (
    <form class="form" onSubmit={submit} noValidate aria-labelledby="exemption-form-title" data-testid="exemption-form">
      <h3 id="exemption-form-title">{t('planning.exemption.formTitle')}</h3>
      <SelectField
        id={idOf('familyId')}
        label={t('planning.exemption.family')}
        value={values.familyId}
        onChange={(familyId) => set({ familyId })}
        options={view.families.map((family) => ({ value: family.id, label: family.displayName }))}
        error={errorOf('familyId')}
      />
      <div class="planning-period">
        <InputField id={idOf('from')} type="date" label={t('planning.exemption.from')} value={values.from} onInput={(from) => set({ from })} error={errorOf('from')} />
        <InputField id={idOf('to')} type="date" label={t('planning.exemption.to')} value={values.to} onInput={(to) => set({ to })} error={errorOf('to')} />
      </div>
      <ChoiceGroup<(typeof EXEMPTION_SHARES)[number]>
        id={idOf('sharePercent')}
        kind="radio"
        legend={t('planning.exemption.share')}
        hint={t('planning.exemption.shareHint')}
        options={EXEMPTION_SHARES.map((share) => ({ value: share, label: t('planning.exemption.shareOption', { share }) }))}
        selected={[values.sharePercent]}
        onChange={([sharePercent]) => sharePercent !== undefined && set({ sharePercent })}
        error={errorOf('sharePercent')}
      />
      {errorOf('form') && <FormError id={idOf('form')} text={errorOf('form') ?? ''} />}
      <div class="actions">
        <button type="submit" class="button button--primary">{t('planning.exemption.submit')}</button>
      </div>
    </form>
  )
}
