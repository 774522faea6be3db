// "Carnet de bord": the walk's notes (incident, remark) with their author and time, a note to add, and my own notes to remove.
import { useState } from 'preact/hooks'
import type { DeviceIdentity, WalkLogCommands, WalkLogView } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import { notesOf, noteTimeOf } from '../../../app/queries/walk.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import type { WalkNote } from '../../../domain/walk-log/records.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { TextAreaField } from '../manage/fields.tsx'
import { focusLater } from './walk-focus.ts'
import { formErrorText, formatTime, walkErrorText } from './walk-text.ts'

interface LogbookProps {
  readonly session: WalkLogCommands
  readonly view: WalkLogView
  readonly me: DeviceIdentity
  readonly walk: WalkRef
  readonly withAdult: (then: (adultId: AdultId) => void) => void
}

export function Logbook({ session, view, me, walk, withAdult }: LogbookProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const notes = notesOf(view.walkLog.notes, walk)
  const timeOf = (note: WalkNote): string => {
    const time = noteTimeOf(note)
    return time === null ? '' : formatTime(time, language)
  }

  const submit = (event: Event) => {
    event.preventDefault()
    withAdult((adultId) => {
      const result = session.addWalkNote(walk, { text }, adultId)
      if (!result.ok) {
        setError(formErrorText(t, result.error, 'text', TEXT_LIMITS.walkNote))
        return
      }
      setError(null)
      setText('')
      announce(t('walk.log.added'))
    })
  }
  const remove = (note: WalkNote) => {
    const result = session.removeWalkNote(note.id)
    announce(result.ok ? t('walk.log.removed') : walkErrorText(t, result.error))
    // Its "Supprimer" button went away with the note: focus goes to writing a note (or the heading).
    if (result.ok) focusLater('walk-log-text', 'walk-log-title')
  }

  return (
    <section class="walk-section walk-log" aria-labelledby="walk-log-title" data-testid="logbook">
      <h2 id="walk-log-title" tabIndex={-1}>{t('walk.log.title')}</h2>
      {notes.length === 0 ? (
        <p>{t('walk.log.empty')}</p>
      ) : (
        <ul class="walk-notes">
          {notes.map((note) => (
            <li key={note.id} class="walk-note" data-testid="walk-note">
              <p class="walk-note__text">{note.text}</p>
              <p class="walk-note__by">{t('walk.log.by', { name: view.adults.find((adult) => adult.id === note.adultId)?.firstName ?? '?', time: timeOf(note) })}</p>
              {note.actor === me.actorId && (
                <button type="button" class="walk-undo" aria-label={t('walk.log.removeLabel', { time: timeOf(note) })} onClick={() => remove(note)}>
                  {t('walk.log.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="form" onSubmit={submit} noValidate>
        <TextAreaField
          id="walk-log-text"
          label={t('walk.log.label')}
          hint={t('walk.log.hint')}
          value={text}
          onInput={setText}
          error={error}
          maxLength={TEXT_LIMITS.walkNote}
        />
        <button type="submit" class="walk-go walk-go--secondary">{t('walk.log.add')}</button>
      </form>
    </section>
  )
}
