// "Je peux" on a coup de main, or my family's place ("Vous aidez", "C'est complet : liste d'attente") with "Je ne peux plus".
import type { HelpAnswerError, HelpCommands, SessionState } from '../../../app/api.ts'
import type { HelpRequestPage } from '../../../app/queries/help.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

interface HelpAnswerProps {
  readonly session: SessionState & HelpCommands
  readonly page: HelpRequestPage
  readonly familyId: FamilyId
  /** The request named in the buttons' labels ("Je peux : Demande : Garde le mercredi, ..."). */
  readonly what: string
}

const placeKey = (page: HelpRequestPage, place: 'helping' | 'waiting'): MessageKey =>
  place === 'waiting' ? 'help.answer.waiting' : page.request.type === 'offer' ? 'help.answer.taken' : 'help.answer.helping'

const errorKey = (error: HelpAnswerError | string): MessageKey =>
  error === 'notOpen' ? 'help.answer.notOpen' : error === 'noFamily' ? 'help.error.noFamily' : 'help.error.failed'

export function HelpAnswer({ session, page, familyId, what }: HelpAnswerProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const { request } = page
  if (request.familyId === familyId) return <p class="muted">{t('help.open.yours')}</p>
  const answer = () => {
    const result = session.answerHelp(request.id)
    announce(t(result.ok ? placeKey(page, result.value) : errorKey(result.error)))
  }
  const withdraw = () => {
    const result = session.withdrawHelpAnswer(request.id)
    announce(t(result.ok ? 'help.answer.withdrawn' : 'help.error.failed'))
  }
  if (page.mine !== null) {
    return (
      <div class="help-answer">
        <p class="help-answer__place" data-testid="help-place">{t(placeKey(page, page.mine))}</p>
        <button type="button" class="button" aria-label={t('help.answer.withdrawLabel', { what })} onClick={withdraw}>
          {t('help.answer.withdraw')}
        </button>
      </div>
    )
  }
  if (page.state !== 'open') return null
  const offer = request.type === 'offer'
  return (
    <button
      type="button" class="button button--primary" onClick={answer}
      aria-label={t(offer ? 'help.answer.offerLabel' : 'help.answer.label', { what })}
    >
      {t(offer ? 'help.answer.offer' : 'help.answer')}
    </button>
  )
}
