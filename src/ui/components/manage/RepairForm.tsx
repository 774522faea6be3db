// Repairing a record "to check": the kind's ordinary edit form, prefilled from the readable part of the record; saving rewrites every field.
import type { FormResult, LinesView, ManageCommands, PeopleView, RecordToCheck, SessionIdentity } from '../../../app/api.ts'
import { DIRECTIONS, parseId } from '../../../app/queries/collective.ts'
import type { Weekday } from '../../../domain/dates.ts'
import type { Direction } from '../../../domain/line.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { FamilyNameForm } from '../FamilyNameForm.tsx'
import { ProfileForm } from '../ProfileForm.tsx'
import { AdultForm } from './AdultForm.tsx'
import { ChildForm } from './ChildForm.tsx'
import { EMPTY_STOP, emptyChild, lineValuesOf, parsePreview, textOf } from './forms.ts'
import { LineForm } from './LineForm.tsx'
import { colourNameOf } from './palette.ts'
import { SettingsForm } from './SettingsForm.tsx'
import { StopForm } from './StopForm.tsx'

interface RepairFormProps {
  readonly session: ManageCommands & Pick<SessionIdentity, 'me'>
  readonly view: LinesView & Pick<PeopleView, 'adults'>
  readonly record: RecordToCheck
  readonly onRepaired: () => void
}

const daysOf = (value: unknown): Weekday[] =>
  Array.isArray(value) ? (value.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7) as Weekday[]) : []
const directionsOf = (value: unknown): Direction[] => (Array.isArray(value) ? DIRECTIONS.filter((d) => value.includes(d)) : [])

/** Null when this record cannot be repaired by a form (unknown kind, or a key that is not an id). */
export function RepairForm({ session, view, record, onRepaired }: RepairFormProps) {
  const { t } = useI18n()
  const me = useStore(session.me)
  const raw = parsePreview(record.preview)
  const save = <T,>(result: FormResult<T>): FormResult<T> => {
    if (result.ok) onRepaired()
    return result
  }
  const prefix = 'repair'

  switch (record.kind) {
    case 'profile':
      return <ProfileForm idPrefix={prefix} initial={{ name: textOf(raw, 'name'), school: textOf(raw, 'school'), town: textOf(raw, 'town') }} submitLabel={t('manage.repair.save')} onSubmit={(input) => save(session.updateProfile(input))} />
    case 'settings':
      return <SettingsForm settings={view.settings} onSubmit={(input) => save(session.updateSettings(input))} />
    case 'family': {
      const id = parseId('family', record.key)
      if (id === null) return null
      return <FamilyNameForm id={`${prefix}-displayName`} label={t('families.addLabel')} initial={textOf(raw, 'displayName')} submitLabel={t('manage.repair.save')} onSubmit={(input) => save(session.renameFamily(id, input))} />
    }
    case 'line': {
      const id = parseId('line', record.key)
      if (id === null) return null
      const base = lineValuesOf(undefined, view.settings)
      const colour = textOf(raw, 'colour')
      const days = daysOf(raw?.days)
      const directions = directionsOf(raw?.directions)
      const initial = {
        name: textOf(raw, 'name'),
        colour: colourNameOf(colour) ? colour : base.colour,
        directions: directions.length > 0 ? directions : base.directions,
        days: days.length > 0 ? days : base.days,
      }
      return <LineForm idPrefix={prefix} initial={initial} submitLabel={t('manage.repair.save')} onSubmit={(input) => save(session.updateLine(id, input))} />
    }
    case 'stop': {
      const id = parseId('stop', record.key)
      if (id === null) return null
      const line = view.lines.find((l) => l.id === raw?.lineId)
      const access = raw?.access && typeof raw.access === 'object' ? (raw.access as Record<string, unknown>) : null
      const initial = { ...EMPTY_STOP, name: textOf(raw, 'name'), note: textOf(access, 'note'), stepFree: access?.stepFree === true, dangerousCrossing: access?.dangerousCrossing === true }
      return <StopForm idPrefix={prefix} directions={line?.directions ?? DIRECTIONS} initial={initial} submitLabel={t('manage.repair.save')} onSubmit={(input) => save(session.updateStop(id, input))} />
    }
    case 'adult': {
      const id = parseId('adult', record.key)
      if (id === null) return null
      const initial = { firstName: textOf(raw, 'firstName'), phone: textOf(raw, 'phone'), charterAcceptedOn: textOf(raw, 'charterAcceptedOn'), insured: raw?.insured === true }
      return <AdultForm idPrefix={prefix} initial={initial} submitLabel={t('manage.repair.save')} onSubmit={(input) => save(session.updateAdult(id, input))} />
    }
    case 'child': {
      const id = parseId('child', record.key)
      if (id === null) return null
      const days = daysOf(raw?.days)
      const initial = {
        ...emptyChild(view.settings),
        firstName: textOf(raw, 'firstName'),
        initial: textOf(raw, 'initial'),
        support: textOf(raw, 'support'),
        countsExtra: raw?.countsExtra === true,
        ...(days.length > 0 ? { days } : {}),
      }
      // A child "to check" for its support note is repaired with its family's agreement (issue 16), asked again.
      const familyId = textOf(raw, 'familyId')
      const adults = view.adults.filter((adult) => adult.familyId === familyId)
      const consent = { mine: me.familyId === familyId, adults, me: me.adultId, stored: null }
      return (
        <ChildForm
          idPrefix={prefix} initial={initial} lines={view.lines} stops={view.stops} consent={consent}
          submitLabel={t('manage.repair.save')}
          onSubmit={(input) => save(session.updateChild(id, input))}
        />
      )
    }
    default:
      return null
  }
}
