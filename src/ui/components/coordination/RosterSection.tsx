// The roster: families who accept the duty, in rotation order, and my family's "accepte la coordination" / "ne plus coordonner" (from the next period).
import type { CoordinationCommands, CoordinationView, SessionState } from '../../../app/api.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { formatDay } from '../rota/rota-format.ts'
import { familyNameOf } from './coordination-text.ts'
import { isRosterMember, nextPeriodStart, rosterMembers } from '../../../app/queries/coordination.ts'
import { MeMissing } from './MeMissing.tsx'
import { followRoster, rosterToast } from './period-toast.ts'

interface RosterSectionProps {
  readonly session: SessionState & CoordinationCommands
  readonly view: CoordinationView
  readonly myFamily: FamilyId | null
  readonly today: LocalDate
}

export function RosterSection({ session, view, myFamily, today }: RosterSectionProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const members = rosterMembers(view.coordination)
  const member = isRosterMember(view.coordination, myFamily)
  const from = formatDay(nextPeriodStart(view.coordination, today), language)
  const toggle = () => {
    if (myFamily === null) return
    const result = session.setRosterMembership(myFamily, !member)
    if (!result.ok) return announce(t(result.error === 'notFound' ? 'coord.roster.notFound' : 'coord.roster.notRecorded'))
    const family = familyNameOf(t, view, myFamily)
    const text = t(member ? 'coord.roster.left' : 'coord.roster.joined', { family, day: from })
    // Another phone may change the family's membership too: the toast says what the roster shows once synced.
    announce(text, followRoster(session.view, myFamily, (now) => rosterToast(t, now, !member, text, family)))
  }
  return (
    <section class="card" aria-labelledby="coord-roster-title">
      <h2 id="coord-roster-title">{t('coord.roster.title')}</h2>
      {members.length === 0 ? (
        <p>{t('coord.roster.empty')}</p>
      ) : (
        <ol aria-label={t('coord.roster.order')} data-testid="roster">
          {members.map((familyId) => (
            <li key={familyId} data-testid="roster-family">
              {familyNameOf(t, view, familyId)}
              {familyId === myFamily && <> {t('coord.roster.mine')}</>}
            </li>
          ))}
        </ol>
      )}
      {myFamily === null ? (
        <MeMissing />
      ) : (
        <>
          <p class="field__hint" id="coord-roster-effective">{t('coord.roster.effective', { day: from })}</p>
          <button type="button" class="button" aria-describedby="coord-roster-effective" onClick={toggle} data-testid="roster-toggle">
            {t(member ? 'coord.roster.leave' : 'coord.roster.join')}
          </button>
        </>
      )}
    </section>
  )
}
