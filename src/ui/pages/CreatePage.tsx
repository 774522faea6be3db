// "Créer un collectif": the profile and where the school is (its holiday zone follows, shown and changeable); on
// success, the guided set-up of the new collective (first line, first family, invite).
import { useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { CollectiveProfileInput } from '../../domain/collective.ts'
import { HOLIDAY_ZONES, schoolPlaceOf, type HolidayZone } from '../../app/queries/school-place.ts'
import { PageTitle } from '../components/PageTitle.tsx'
import { ProfileForm } from '../components/ProfileForm.tsx'
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
  const place = schoolPlaceOf(schoolPlace)
  const zone = chosenZone ?? (place?.kind === 'zone' ? place.zone : null)

  const create = async (profile: CollectiveProfileInput) => {
    const holidayZone = place?.kind === 'zone' ? (zone ?? undefined) : undefined
    const result = await services.createCollective({ ...profile, schoolPlace, ...(holidayZone ? { holidayZone } : {}) })
    if (result.ok) {
      route(`/c/${result.value}/demarrage/ligne`)
      return result
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
      <ProfileForm idPrefix="create" submitLabel={t('create.submit')} onSubmit={create}>
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
