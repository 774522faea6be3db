// My family's coming absences, per child, each with its note, who reported it for the family if a member did, and a
// "Retirer" behind a confirmation.
import type { AbsenceCommands, SessionState } from '../../../app/api.ts'
import { comingAbsences } from '../../../app/queries/absence/absence-view.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Child } from '../../../domain/people.ts'
import type { Absence } from '../../../domain/walk-log/records.ts'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { absencePeriodText } from './absence-text.ts'
import { recordOnBehalfText } from '../record-on-behalf.ts'

interface AbsenceListProps {
  readonly session: SessionState & AbsenceCommands
  readonly kids: readonly Child[]
  readonly today: LocalDate
}

export function AbsenceList({ session, kids, today }: AbsenceListProps) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const absences = view.absences ?? []
  const behalfOf = (absence: Absence) => recordOnBehalfText(t, language, view, absence, 'absence.list.onBehalf')
  return (
    <>
      {kids.map((child) => {
        const coming = comingAbsences(absences, child.id, today)
        const headingId = `absences-${child.id}`
        return (
          <div key={child.id} class="absence-child" role="group" aria-labelledby={headingId} data-testid="child-absences">
            <h3 id={headingId}>{child.firstName}</h3>
            {coming.length === 0 ? (
              <p class="muted">{t('absence.list.none')}</p>
            ) : (
              <ul class="list">
                {coming.map((absence) => (
                  <AbsenceItem
                    key={absence.id} session={session} child={child} absence={absence} onBehalf={behalfOf(absence)}
                  />
                ))}
              </ul>
            )}
          </div>
        )
      })}
    </>
  )
}

function AbsenceItem({ session, child, absence, onBehalf }: {
  session: SessionState & AbsenceCommands
  child: Child
  absence: Absence
  /** "Signalée par … à la demande de …" when a member reported it for the family; null otherwise. */
  onBehalf: string | null
}) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const period = absencePeriodText(t, language, absence)
  const withdraw = () => {
    const result = session.withdrawAbsence(absence.id)
    announce(result.ok ? t('absence.withdrawn', { name: child.firstName, period }) : t('absence.withdrawFailed'))
  }
  return (
    <li class="list__item list__item--stacked" data-testid="absence">
      <span class="list__name" data-testid="absence-period">{period}</span>
      {absence.note.trim() !== '' && <span class="absence-note">{t('absence.list.note', { note: absence.note })}</span>}
      {onBehalf !== null && <span class="muted" data-testid="absence-on-behalf">{onBehalf}</span>}
      <ConfirmAction
        label={t('absence.withdraw')}
        accessibleLabel={t('absence.withdrawLabel', { name: child.firstName, period })}
        question={t('absence.withdrawConfirm', { name: child.firstName, period })}
        confirmLabel={t('absence.withdrawYes')}
        onConfirm={withdraw}
      />
    </li>
  )
}
