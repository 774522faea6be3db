// A walk's waiting list: sign-ups not kept because the place was taken first, in order; my own can be withdrawn.
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { slotText } from './rota-format.ts'
import { adultName, isMine, type Me } from '../../../app/queries/rota-view.ts'

interface WaitingListProps {
  readonly walk: WalkRota
  readonly adults: ReadonlyMap<AdultId, Adult>
  readonly me: Me
  /** The adult using this phone, if known: their own entry says "Me retirer", another's "Retirer Paul". */
  readonly selfId: AdultId | null
  readonly dayText: string
  readonly directionText: string
  readonly onWithdraw: (adultId: AdultId) => void
  readonly canWithdraw: boolean
}

export function WaitingList({ walk, adults, me, selfId, dayText, directionText, onWithdraw, canWithdraw }: WaitingListProps) {
  const { t } = useI18n()
  if (walk.waiting.length === 0) return null
  return (
    <div class="waiting" data-testid="waiting-list">
      <h5>
        <span aria-hidden="true">⏳ </span>
        {t('rota.waiting.title')}
      </h5>
      <ol>
        {walk.waiting.map((signUp) => {
          const name = adultName(adults, signUp.adultId)
          const mine = isMine(signUp, me)
          const slot = slotText(t, signUp.slot)
          return (
            <li key={`${signUp.adultId}`} data-testid="waiting-entry">
              <span data-testid="waiting-name">{name}</span>
              {mine && <> {t('rota.slot.you')}</>} <span class="muted">({slot.toLowerCase()})</span>
              {mine && canWithdraw && (
                <ConfirmAction
                  label={signUp.adultId === selfId ? t('rota.slot.withdraw') : t('rota.slot.withdrawOther', { name })}
                  accessibleLabel={t(signUp.adultId === selfId ? 'rota.slot.withdrawLabel' : 'rota.slot.withdrawOtherLabel', { name, slot: slot.toLowerCase(), day: dayText, direction: directionText })}
                  question={t('rota.slot.withdrawConfirm', { name, day: dayText, direction: directionText })}
                  confirmLabel={t('rota.slot.withdrawYes')}
                  onConfirm={() => onWithdraw(signUp.adultId)}
                />
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
