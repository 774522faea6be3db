// Importing school holidays from an ICS calendar for years not shipped: choose a file or paste its text; a file holding
// several zones (the ministry's combined file) asks which one before anything is written; then the count or an error.
import { useState } from 'preact/hooks'
import type { CalendarCommands, IcsImportError } from '../../../app/api.ts'
import { icsZonesOf, type IcsZone } from '../../../app/queries/holiday-file.ts'
import type { Settings } from '../../../domain/settings.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey, type Translate } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { ChoiceGroup, FieldError, TextAreaField } from './fields.tsx'

/** ICS files of a few years of holidays are small; anything far larger is not a holiday calendar. */
const MAX_FILE_BYTES = 1_000_000

const ZONE_NAMES: Readonly<Record<IcsZone, MessageKey>> = {
  A: 'manage.holidays.zone.A',
  B: 'manage.holidays.zone.B',
  C: 'manage.holidays.zone.C',
  corse: 'manage.holidays.zone.corse',
  guadeloupe: 'manage.holidays.zone.guadeloupe',
  guyane: 'manage.holidays.zone.guyane',
  martinique: 'manage.holidays.zone.martinique',
  mayotte: 'manage.holidays.zone.mayotte',
  reunion: 'manage.holidays.zone.reunion',
  'nouvelle-caledonie': 'manage.holidays.zone.nouvelleCaledonie',
  polynesie: 'manage.holidays.zone.polynesie',
  'saint-pierre-et-miquelon': 'manage.holidays.zone.saintPierreEtMiquelon',
  'wallis-et-futuna': 'manage.holidays.zone.wallisEtFutuna',
}

const zoneName = (t: Translate, zone: IcsZone): string => t(ZONE_NAMES[zone])

/** What the text field says about a file that imports nothing (zoneRequired is said at the zone question). */
interface TextError {
  readonly key: MessageKey
  readonly zone?: IcsZone
}

const textErrorOf = (error: Exclude<IcsImportError, 'zoneRequired'>, zone: IcsZone | undefined): TextError =>
  error === 'invalidIcs' ? { key: 'manage.holidays.invalid' }
    : zone === undefined ? { key: 'manage.holidays.noEvents' } : { key: 'manage.holidays.noEventsZone', zone }

/** Where the keyboard lands when the zone question shows or is left unanswered: the chosen zone, else the first. */
const focusZoneChoice = () => requestAnimationFrame(() => {
  const group = document.getElementById('holidays-zone')
  const radios = group?.querySelectorAll<HTMLInputElement>('input') ?? []
  const radio = [...radios].find((input) => input.checked) ?? radios[0]
  radio?.focus()
})

interface HolidayImportProps {
  readonly session: CalendarCommands
  /** The collective's zone is the answer chosen first when a file asks; none for a school on its own calendar. */
  readonly settings: Pick<Settings, 'holidayZone' | 'ownCalendar'>
}

export function HolidayImport({ session, settings }: HolidayImportProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [error, setError] = useState<TextError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  /** The zones of the file when it holds several: the question is shown, nothing is written until it is answered. */
  const [zones, setZones] = useState<readonly IcsZone[] | null>(null)
  const [zone, setZone] = useState<IcsZone | null>(null)
  const [zoneError, setZoneError] = useState(false)

  /** Another text is another file: any zone question asked about the previous one goes. */
  const changeText = (value: string) => {
    setText(value)
    setZones(null)
    setZone(null)
    setZoneError(false)
  }

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    if (!file) return
    setDone(null)
    if (file.size > MAX_FILE_BYTES) {
      setError({ key: 'manage.holidays.tooBig' })
      return
    }
    setError(null)
    changeText(await file.text())
  }

  const fail = (textError: TextError) => {
    setError(textError)
    document.getElementById('holidays-text')?.focus()
  }

  const importZone = (chosen: IcsZone | undefined) => {
    const result = session.importHolidays(text, chosen)
    if (!result.ok) {
      if (result.error === 'zoneRequired') {
        setZoneError(true)
        focusZoneChoice()
      } else {
        fail(textErrorOf(result.error, chosen))
      }
      return
    }
    setError(null)
    changeText('')
    const n = result.value
    const message = chosen === undefined
      ? t(pluralKey<MessageKey>(language, n, 'manage.holidays.imported.one', 'manage.holidays.imported.other'), { n })
      : t(pluralKey<MessageKey>(language, n, 'manage.holidays.importedZone.one', 'manage.holidays.importedZone.other'), {
        n, zone: zoneName(t, chosen),
      })
    setDone(message)
    announce(message)
  }

  const submit = (event: Event) => {
    event.preventDefault()
    setDone(null)
    if (text.trim() === '') {
      fail({ key: 'manage.holidays.empty' })
      return
    }
    if (zones !== null) {
      if (zone === null) {
        setZoneError(true)
        focusZoneChoice()
      } else {
        importZone(zone)
      }
      return
    }
    // Read first, write nothing: the ministry's combined file holds every zone, and only the school's may be imported.
    const read = icsZonesOf(text)
    if (!read.ok) {
      fail(textErrorOf(read.error === 'noEvents' ? 'noEvents' : 'invalidIcs', undefined))
      return
    }
    if (read.value.length > 1) {
      setError(null)
      setZones(read.value)
      setZone(!settings.ownCalendar && read.value.includes(settings.holidayZone) ? settings.holidayZone : null)
      announce(t('manage.holidays.zoneAsked'))
      focusZoneChoice()
      return
    }
    importZone(undefined)
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="holidays-file">{t('manage.holidays.file')}</label>
        <p class="field__hint" id="holidays-file-hint">{t('manage.holidays.fileHint')}</p>
        <input id="holidays-file" type="file" accept=".ics,text/calendar" aria-describedby="holidays-file-hint" onChange={(event) => void readFile(event.currentTarget)} />
      </div>
      <TextAreaField
        id="holidays-text"
        label={t('manage.holidays.paste')}
        hint={t('manage.holidays.pasteHint')}
        value={text}
        rows={4}
        onInput={changeText}
        error={error === null ? null : t(error.key, error.zone === undefined ? {} : { zone: zoneName(t, error.zone) })}
      />
      {zones !== null && (
        <ChoiceGroup
          id="holidays-zone"
          legend={t('manage.holidays.zoneLegend')}
          hint={t('manage.holidays.zoneHint')}
          kind="radio"
          options={zones.map((value) => ({ value, label: zoneName(t, value) }))}
          selected={zone === null ? [] : [zone]}
          onChange={([chosen]) => {
            setZone(chosen ?? null)
            setZoneError(false)
          }}
          error={zoneError ? t('manage.holidays.zoneRequired') : null}
        />
      )}
      <div class="actions">
        <button type="submit" class="button button--primary">
          {t(zones === null ? 'manage.holidays.import' : 'manage.holidays.importZone')}
        </button>
      </div>
      {done && <p class="notice" data-testid="holidays-result">{done}</p>}
      {error?.key === 'manage.holidays.tooBig' && <FieldError id="holidays-file-error" text={t(error.key)} />}
    </form>
  )
}
