// "Créer un collectif": the profile and where the school is (its holiday zone follows, shown and changeable); on
// success, the guided set-up of the new collective (first line, first family, invite). "Créer à partir d'un modèle"
// (issue 18): a template file chosen first makes the same form create the collective with the template's lines.
import { useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { CollectiveProfileInput } from '../../domain/collective.ts'
import { HOLIDAY_ZONES, schoolPlaceOf, type HolidayZone } from '../../app/queries/school-place.ts'
import { PageTitle } from '../components/PageTitle.tsx'
import { ProfileForm } from '../components/ProfileForm.tsx'
import { TemplatePicker, type ChosenTemplate, type TemplatePickerProblem } from '../components/template/TemplatePicker.tsx'
import { TextField } from '../components/TextField.tsx'
import { useServices } from '../hooks/services.ts'
import { useI18n } from '../i18n/context.tsx'
import { fieldErrorKey } from '../i18n/translate.ts'

export function CreatePage() {
  const { t } = useI18n()
  const services = useServices()
  const { route } = useLocation()
  const [schoolPlace, setSchoolPlace] = useState('')
  /** The zone the parent picked; null follows the postcode. */
  const [chosenZone, setChosenZone] = useState<HolidayZone | null>(null)
  const [placeError, setPlaceError] = useState<string | null>(null)
  const placeInput = useRef<HTMLInputElement>(null)
  const [template, setTemplate] = useState<ChosenTemplate | null>(null)
  const [templateProblem, setTemplateProblem] = useState<TemplatePickerProblem | null>(null)
  const place = schoolPlaceOf(schoolPlace)
  const zone = chosenZone ?? (place?.kind === 'zone' ? place.zone : null)

  const create = async (profile: CollectiveProfileInput) => {
    const holidayZone = place?.kind === 'zone' ? (zone ?? undefined) : undefined
    const input = { ...profile, schoolPlace, ...(holidayZone ? { holidayZone } : {}) }
    const result = template === null ? await services.createCollective(input) : await services.createFromTemplate(template.json, input)
    if (result.ok) {
      // A template brings its lines: the set-up goes on with the first family.
      route(`/c/${result.value}/demarrage/${template === null || template.summary.lines.length === 0 ? 'ligne' : 'famille'}`)
      return result
    }
    const { template: problem, _: other } = result.error
    if (template !== null && (problem !== undefined || other === 'storageUnavailable')) {
      setTemplateProblem({ problem: problem === undefined ? 'storageUnavailable' : templateProblemOf(problem) })
      if (problem !== undefined) setTemplate(null)
    }
    const error = result.error.schoolPlace
    setPlaceError(error === undefined ? null : t(fieldErrorKey(error)))
    // The profile form focuses its own first error; the postcode comes after its fields.
    if (error !== undefined && Object.keys(result.error).length === 1) placeInput.current?.focus()
    return result
  }

  return (
    <>
      <PageTitle name="create.title" />
      <p>{t('create.intro')}</p>
      <TemplatePicker chosen={template} onChosen={setTemplate} problem={templateProblem} onProblem={setTemplateProblem} />
      <ProfileForm idPrefix="create" submitLabel={t(template === null ? 'create.submit' : 'template.submit')} onSubmit={create}>
        <TextField
          id="create-place"
          label={t('create.place')}
          hint={t('create.placeHint')}
          value={schoolPlace}
          onInput={(value) => {
            setSchoolPlace(value)
            setChosenZone(null)
            setPlaceError(null)
          }}
          error={placeError}
          autoComplete="postal-code"
          inputMode="numeric"
          inputRef={placeInput}
        />
        <p class="field__hint" role="status" data-testid="create-place-found">
          {place?.kind === 'zone' && t('create.placeFound', { academy: place.academy, zone: place.zone })}
          {place?.kind === 'ownCalendar' && t('create.ownCalendar', { academy: place.academy })}
        </p>
        {place?.kind === 'zone' && (
          <fieldset class="choices field" id="create-zone" aria-describedby="create-zone-hint">
            <legend>{t('create.zone')}</legend>
            <p class="field__hint" id="create-zone-hint">{t('create.zoneHint')}</p>
            {HOLIDAY_ZONES.map((option) => (
              <label key={option} class="choice" for={`create-zone-${option}`}>
                <input
                  id={`create-zone-${option}`}
                  type="radio"
                  name="create-zone"
                  value={option}
                  checked={zone === option}
                  onChange={() => setChosenZone(option)}
                />
                <span>{t('create.zoneOption', { zone: option })}</span>
              </label>
            ))}
          </fieldset>
        )}
      </ProfileForm>
    </>
  )
}

const TEMPLATE_PROBLEMS: readonly TemplatePickerProblem['problem'][] = [
  'tooBig', 'notATemplate', 'wrongVersion', 'invalidLine', 'invalidTemplate', 'unreadable', 'storageUnavailable',
]

/** The service's `template` field error as the picker's problem (any other text: the template is damaged). */
const templateProblemOf = (key: string): TemplatePickerProblem['problem'] =>
  TEMPLATE_PROBLEMS.find((problem) => problem === key) ?? 'invalidTemplate'
