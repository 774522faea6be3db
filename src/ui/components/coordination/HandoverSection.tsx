// The handover into the next period: open items for the incoming family, notes and the note form, "J'ai pris connaissance" and its status (en attente / lu).
import { useState } from 'preact/hooks'
import type { CollectiveView, CoordinationCommands } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { Handover } from '../../../domain/coordination/index.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { fieldErrorText } from '../../i18n/translate.ts'
import { formatDay } from '../rota/rota-format.ts'
import { TextAreaField } from '../manage/fields.tsx'
import { authorTimeText, familyNameOf } from './coordination-text.ts'
import { PendingRequests, WalksToCover } from './PendingList.tsx'

interface HandoverProps {
  readonly session: CoordinationCommands
  readonly view: CollectiveView
  readonly handover: Handover
  readonly myFamily: FamilyId | null
}

export function HandoverSection({ session, view, handover, myFamily }: HandoverProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { incoming, outgoing } = handover
  const period = { from: formatDay(incoming.start, language), to: formatDay(incoming.end, language) }
  const incomingName = familyNameOf(t, view, incoming.coordinator)
  if (handover.status === 'noCoordinator') {
    return (
      <section class="card" aria-labelledby="handover-title">
        <h2 id="handover-title">{t('coord.handover.title')}</h2>
        <p>{t('coord.handover.noCoordinator')}</p>
      </section>
    )
  }
  const acknowledge = () => {
    if (myFamily === null) return
    const result = session.acknowledgeHandover(incoming.start, myFamily)
    if (!result.ok) return announce(t(result.error === 'notFound' ? 'coord.handover.notFound' : 'coord.handover.notRecorded'))
    announce(t(result.value === 'acknowledged' ? 'coord.handover.acked' : 'coord.handover.alreadyAcked'))
  }
  const ack = handover.acknowledgement
  return (
    <section class="card" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">{t('coord.handover.title')}</h2>
      <p>
        {outgoing?.coordinator
          ? t('coord.handover.intro', { outgoing: familyNameOf(t, view, outgoing.coordinator), incoming: incomingName, ...period })
          : t('coord.handover.introFirst', { incoming: incomingName, ...period })}
      </p>
      <p class="coord-status" data-testid="handover-status" data-status={handover.status}>
        <span aria-hidden="true">{handover.status === 'acknowledged' ? '✓ ' : '… '}</span>
        {t('coord.handover.status', { status: t(handover.status === 'acknowledged' ? 'coord.handover.acknowledged' : 'coord.handover.pending') })}
        {ack && <> {t('coord.handover.acknowledgedBy', { family: familyNameOf(t, view, ack.familyId), time: authorTimeText(t, language, ack.at) })}</>}
      </p>
      <h3>{t('coord.handover.walks')}</h3>
      <WalksToCover view={view} walks={handover.uncoveredWalks} empty={t('coord.handover.walksNone')} testId="handover-walks" />
      <h3>{t('coord.handover.requests')}</h3>
      <PendingRequests view={view} items={handover.pending} empty={t('coord.handover.requestsNone')} testId="handover-requests" />
      <h3>{t('coord.handover.notes')}</h3>
      {handover.notes.length === 0 ? (
        <p>{t('coord.handover.notesNone')}</p>
      ) : (
        <ul class="list" data-testid="handover-notes">
          {handover.notes.map((note) => (
            <li key={`${note.familyId}|${note.clock}|${note.actor}`} class="list__item">
              <p data-testid="handover-note">{note.text}</p>
              <p class="muted">{t('coord.handover.noteBy', { family: familyNameOf(t, view, note.familyId), time: authorTimeText(t, language, note.at) })}</p>
            </li>
          ))}
        </ul>
      )}
      {myFamily !== null && <NoteForm session={session} periodStart={incoming.start} familyId={myFamily} incomingName={incomingName} />}
      {myFamily !== null && myFamily === incoming.coordinator && handover.status === 'pending' && (
        <button type="button" class="button" onClick={acknowledge}>{t('coord.handover.ack')}</button>
      )}
    </section>
  )
}

function NoteForm({ session, periodStart, familyId, incomingName }: {
  session: CoordinationCommands
  periodStart: Handover['incoming']['start']
  familyId: FamilyId
  incomingName: string
}) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.addHandoverNote(periodStart, familyId, { text })
    if (!result.ok) {
      setError(fieldErrorText(t, result.error.text ?? Object.values(result.error)[0] ?? '', TEXT_LIMITS.handoverNote))
      return
    }
    setText('')
    setError(null)
    announce(t('coord.handover.noteAdded', { family: incomingName }))
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextAreaField
        id="handover-note"
        label={t('coord.handover.noteLabel')}
        hint={t('coord.handover.noteHint')}
        value={text}
        onInput={setText}
        error={error}
        maxLength={TEXT_LIMITS.handoverNote}
      />
      <button type="submit" class="button">{t('coord.handover.noteAdd')}</button>
    </form>
  )
}
