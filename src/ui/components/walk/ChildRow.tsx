// One child on the walk screen: name, what to do for them, the shown status, disagreements, three big mark buttons and tap-to-call for the parents.
import type { CollectiveView } from '../../../app/api.ts'
import type { ActorId, AdultId } from '../../../domain/ids.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import type { Adult, Child } from '../../../domain/people.ts'
import type { MarkedStatus } from '../../../domain/walk-log/records.ts'
import type { ChildCheckIn } from '../../../domain/walk-log/types.ts'
import { commaList } from '../../i18n/formats.ts'
import { useI18n } from '../../i18n/context.tsx'
import { telHref } from '../rota/rota-format.ts'
import { disagreementText, shownStatusText, statusText, STATUSES } from './walk-text.ts'

/**
 * The name shown for a line: "Léa M." for a child of the collective, "Noé (invité)" for a guest, `erasedGuest` for a
 * guest whose first name was erased after the walk's day.
 */
export const lineName = (line: ChildCheckIn, children: ReadonlyMap<string, Child>, guestWord: string, erasedGuest = guestWord): string => {
  if (line.subject.kind === 'guest') return line.subject.name === null ? erasedGuest : `${line.subject.name} ${guestWord}`
  const child = children.get(line.subject.childId)
  return child ? childLabel(child) : '?'
}

/**
 * This phone's own mark in force on the line (not cleared, not superseded by a mark that had seen
 * it), or null. Only this one shows as pressed and is what a tap on a pressed button withdraws:
 * another adult's status is shown as text, and tapping it writes this phone's mark (confirming).
 */
export const ownStatusOf = (line: Pick<ChildCheckIn, 'marks'>, actor: ActorId): MarkedStatus | null =>
  line.marks.find((mark) => mark.actor === actor)?.status ?? null

/** The adults of the child's family: whom to call. Guests have none. */
export const parentsOf = (view: Pick<CollectiveView, 'adults'>, child: Child | undefined): readonly Adult[] =>
  child === undefined ? [] : view.adults.filter((adult) => adult.familyId === child.familyId)

interface ChildRowProps {
  readonly line: ChildCheckIn
  readonly name: string
  readonly child: Child | undefined
  readonly parents: readonly Adult[]
  readonly adults: ReadonlyMap<AdultId, Adult>
  /** This phone's own mark in force (see ownStatusOf), null when it has none. */
  readonly own: MarkedStatus | null
  /** A status, or null to undo this phone's mark. */
  readonly onMark: (line: ChildCheckIn, name: string, status: MarkedStatus | null) => void
  /** First names of the adults who already walked with a child with support instructions (habitué·e·s). */
  readonly habitues?: readonly string[]
}

export function ChildRow({ line, name, child, parents, adults, own, onMark, habitues = [] }: ChildRowProps) {
  const { t, language } = useI18n()
  const status = line.status
  const notes = line.absences.map((absence) => absence.note.trim()).filter((note) => note !== '')
  // A parent who gave no number has no button here; the emergency card names them with "Pas de numéro".
  const callable = parents.flatMap((parent) => {
    const href = telHref(parent.phone)
    return href === null ? [] : [{ parent, href }]
  })
  return (
    <li class={`kid kid--${status ?? 'unmarked'}${line.disagreement ? ' kid--disagreement' : ''}`} data-testid="walk-child" data-child={line.id}>
      <p class="kid__head">
        <span class="kid__name">{name}</span>
        <span class="kid__status" data-testid="child-status">{shownStatusText(t, status, line.prefilled)}</span>
      </p>
      {child?.support && <p class="kid__support">{t('walk.emergency.support', { text: child.support })}</p>}
      {child !== undefined && (child.support.trim() !== '' || child.countsExtra) && (
        <p class="kid__habitues" data-testid="habitues">
          {habitues.length > 0 ? t('walk.habitues', { names: commaList(language, habitues) }) : t('walk.habituesNone')}
        </p>
      )}
      {notes.map((note, index) => <p key={index} class="kid__note">{t('walk.absenceNote', { note })}</p>)}
      {line.disagreement && (
        <p class="kid__disagreement" data-testid="disagreement">
          <span aria-hidden="true">⚠ </span>
          {disagreementText(t, line.marks, adults)}
        </p>
      )}
      <div class="kid__marks" role="group" aria-label={name}>
        {STATUSES.map((choice) => {
          // Pressed means "this phone said so": tapping it again withdraws this phone's mark only.
          // A status another adult set is not pressed here, so tapping it writes this phone's own
          // mark (confirming it, or settling a disagreement) instead of undoing someone else's.
          const pressed = own === choice
          return (
            <button
              key={choice}
              type="button"
              class={`mark mark--${choice}`}
              aria-pressed={pressed ? 'true' : 'false'}
              aria-label={t('walk.markLabel', { status: statusText(t, choice), name })}
              onClick={() => onMark(line, name, pressed ? null : choice)}
            >
              {statusText(t, choice)}
            </button>
          )
        })}
      </div>
      {callable.length > 0 && (
        <div class="kid__calls">
          {callable.map(({ parent, href }) => (
            <a
              key={parent.id}
              class="call-link"
              href={href}
              aria-label={t('walk.callLabel', { name: parent.firstName, child: name })}
            >
              <span aria-hidden="true">☎ </span>{t('walk.call', { name: parent.firstName })}
            </a>
          ))}
        </div>
      )}
    </li>
  )
}
