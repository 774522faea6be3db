// Who answered a coup de main, in the order places go; the requester confirms a family, closes, cancels or reopens.
import type { HelpCommands, SessionState } from '../../../app/api.ts'
import type { HelpAnswerRow, HelpRequestPage } from '../../../app/queries/help.ts'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

interface AnswersProps {
  readonly session: SessionState & HelpCommands
  readonly page: HelpRequestPage
  /** The requester's phone: "Confirmer" on each family not yet confirmed while a place is unconfirmed. */
  readonly owner: boolean
}

const rowStateKey = (row: HelpAnswerRow): MessageKey =>
  row.confirmed ? 'help.answers.confirmed' : row.holds ? 'help.answers.holds' : 'help.answers.waiting'

export function HelpAnswers({ session, page, owner }: AnswersProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const canConfirm = owner && page.state === 'open' && page.resolution.confirmed.length < page.request.needed
  if (page.answers.length === 0) return <p class="muted">{t('help.answers.none')}</p>
  return (
    <ul class="list" data-testid="help-answers">
      {page.answers.map((row) => {
        const family = row.name ?? t('help.unknownFamily')
        const confirm = () => {
          const result = session.confirmHelper(page.request.id, row.familyId)
          const failed: MessageKey = !result.ok && result.error === 'full' ? 'help.confirm.full' : 'help.error.failed'
          announce(result.ok ? t('help.confirm.done', { family }) : t(failed))
        }
        return (
          <li key={row.familyId} class="list__item" data-testid="help-answer-row">
            <span class="list__name">{family}</span>
            <span class="help-answers__state" data-testid="help-answer-state">{t(rowStateKey(row))}</span>
            {canConfirm && !row.confirmed && (
              <button
                type="button" class="button button--primary" aria-label={t('help.confirm.label', { family })} onClick={confirm}
              >
                {t('help.confirm')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** "Clore" and "Annuler" while open; "Rouvrir" once closed or cancelled; nothing once its window is over. */
export function HelpOwnerActions({ session, page }: { session: SessionState & HelpCommands; page: HelpRequestPage }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const set = (status: 'open' | 'closed' | 'cancelled', done: MessageKey) => {
    const result = session.setHelpStatus(page.request.id, status)
    announce(t(result.ok ? done : 'help.error.failed'))
  }
  if (page.state === 'expired') return null
  if (page.state !== 'open') {
    return (
      <div class="actions">
        <button type="button" class="button" onClick={() => set('open', 'help.reopen.done')}>{t('help.reopen')}</button>
      </div>
    )
  }
  return (
    <div class="actions">
      <button type="button" class="button" onClick={() => set('closed', 'help.close.done')}>{t('help.close')}</button>
      <ConfirmAction
        label={t('help.cancel')} question={t('help.cancel.question')} confirmLabel={t('help.cancel.yes')}
        onConfirm={() => set('cancelled', 'help.cancel.done')}
      />
    </div>
  )
}
