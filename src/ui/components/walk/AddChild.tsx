// "Ajouter un enfant": a child of the collective who is not on the list, or a guest by first name, marked present at a stop of this walk.
// A guest holds a first name only, erased the day after the walk: the form says so, with the limit, before anything is sent.
import { useState } from 'preact/hooks'
import type { PeopleView, WalkLogCommands } from '../../../app/api.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { AdultId, ChildId, StopId } from '../../../domain/ids.ts'
import type { Stop } from '../../../domain/line.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { TextField } from '../TextField.tsx'
import type { WalkAction } from './useWalkActions.ts'
import { formErrorText } from './walk-text.ts'

const GUEST = 'guest'

interface AddChildProps {
  readonly session: WalkLogCommands
  readonly view: PeopleView
  readonly walk: WalkRef
  readonly stops: readonly Stop[]
  /** Where a child joins by default: the first stop not left yet. */
  readonly defaultStopId: StopId | null
  /** Ids already on the list. */
  readonly listed: ReadonlySet<string>
  readonly perform: (action: WalkAction) => void
  readonly withAdult: (then: (adultId: AdultId) => void) => void
}

export function AddChild({ session, view, walk, stops, defaultStopId, listed, perform, withAdult }: AddChildProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [choice, setChoice] = useState('')
  const [guestName, setGuestName] = useState('')
  const [stopPick, setStopPick] = useState<string>('')
  const [errors, setErrors] = useState<{ readonly child?: string; readonly name?: string }>({})
  const candidates = view.children
    .filter((child) => !listed.has(child.id))
    .sort((a, b) => childLabel(a).localeCompare(childLabel(b), 'fr'))
  const stopId = (stops.find((stop) => stop.id === stopPick)?.id ?? defaultStopId ?? stops[0]?.id ?? null)

  const submit = (event: Event) => {
    event.preventDefault()
    if (choice === '') {
      setErrors({ child: t('walk.add.chooseChild') })
      return
    }
    if (choice === GUEST) {
      withAdult((adultId) => {
        const result = session.addGuest(walk, { firstName: guestName }, stopId, adultId)
        if (!result.ok) {
          setErrors({ name: formErrorText(t, result.error, 'firstName', TEXT_LIMITS.firstName) })
          return
        }
        announce(t('walk.add.added', { name: guestName.trim() }))
        setErrors({})
        setGuestName('')
        setChoice('')
      })
      return
    }
    const child = candidates.find((candidate) => candidate.id === choice)
    if (!child) {
      setErrors({ child: t('walk.add.chooseChild') })
      return
    }
    const childId: ChildId = child.id
    setErrors({})
    setChoice('')
    perform({
      run: (adultId) => session.markChild(walk, childId, 'present', stopId, adultId),
      done: t('walk.add.added', { name: childLabel(child) }),
      undo: (adultId) => session.markChild(walk, childId, null, stopId, adultId),
    })
  }

  return (
    <section class="walk-section" aria-labelledby="walk-add-title">
      <h2 id="walk-add-title">{t('walk.add.title')}</h2>
      <form class="form walk-add" onSubmit={submit} noValidate>
        <div class={errors.child ? 'field field--error' : 'field'}>
          <label for="walk-add-child">{t('walk.add.child')}</label>
          <select
            id="walk-add-child"
            value={choice}
            aria-invalid={errors.child ? 'true' : undefined}
            aria-describedby={errors.child ? 'walk-add-child-error' : undefined}
            onChange={(event) => setChoice(event.currentTarget.value)}
          >
            <option value="">{t('walk.add.pick')}</option>
            {candidates.map((child) => <option key={child.id} value={child.id}>{childLabel(child)}</option>)}
            <option value={GUEST}>{t('walk.add.guestOption')}</option>
          </select>
          {errors.child && <p class="field__error" id="walk-add-child-error"><span aria-hidden="true">⚠ </span>{errors.child}</p>}
        </div>
        {choice === GUEST && (
          <TextField
            id="walk-add-name"
            label={t('walk.add.guestName')}
            hint={t('walk.add.guestHint')}
            value={guestName}
            onInput={setGuestName}
            error={errors.name}
            maxLength={TEXT_LIMITS.firstName}
            autoComplete="off"
          />
        )}
        {stops.length > 0 && (
          <div class="field">
            <label for="walk-add-stop">{t('walk.add.stop')}</label>
            <select id="walk-add-stop" value={stopId ?? ''} onChange={(event) => setStopPick(event.currentTarget.value)}>
              {stops.map((stop) => <option key={stop.id} value={stop.id}>{stop.name}</option>)}
            </select>
          </div>
        )}
        <button type="submit" class="walk-go walk-go--secondary">{t('walk.add.submit')}</button>
      </form>
    </section>
  )
}
