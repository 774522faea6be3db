// "Carnet de bord" on the coordinator's screen: the notes adults on duty left on recent walks (date, line, direction, author, text).
import type { WalkLogView } from '../../../app/api.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay } from '../rota/rota-format.ts'
import { authorTimeText, lineNameOf } from './coordination-text.ts'
import { recentLogbookNotes } from '../../../app/queries/logbook.ts'

export function LogbookSection({ view, today }: { view: WalkLogView; today: LocalDate }) {
  const { t, language } = useI18n()
  const notes = recentLogbookNotes(view.walkLog.notes, today)
  return (
    <section class="card" aria-labelledby="duty-logbook-title">
      <h2 id="duty-logbook-title">{t('coord.duty.logbook')}</h2>
      <p>{t('coord.duty.logbookIntro')}</p>
      {notes.length === 0 ? (
        <p data-testid="duty-logbook-empty">{t('coord.duty.logbookNone')}</p>
      ) : (
        <ul class="list" data-testid="duty-logbook">
          {notes.map((note) => (
            <li key={note.id} class="list__item" data-testid="duty-logbook-note">
              <p class="muted">
                {t('coord.duty.logbookNote', {
                  day: formatDay(note.walk.date, language),
                  line: lineNameOf(t, view, note.walk.lineId),
                  direction: directionText(t, note.walk.direction),
                  adult: view.adults.find((adult) => adult.id === note.adultId)?.firstName ?? t('journal.someone'),
                })}
                {' · '}
                {authorTimeText(t, language, note.at)}
              </p>
              <p data-testid="duty-logbook-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
