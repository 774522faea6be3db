// One place on a walk: its role, who holds it (or "À pourvoir", "Personne" once started), and its actions (sign up, withdraw, swap).
import type { ComponentChildren } from 'preact'
import type { Adult } from '../../../domain/people.ts'
import type { SignUp, Slot } from '../../../domain/signup.ts'
import { useI18n } from '../../i18n/context.tsx'
import { ConfirmAction } from '../ConfirmAction.tsx'

interface SlotRowProps {
  readonly slot: Slot
  readonly holder: SignUp | null
  readonly holderAdult: Adult | undefined
  readonly mine: boolean
  /** The holder is the adult using this phone: "Me retirer"; another adult of my family: "Retirer Paul". */
  readonly self: boolean
  /** "jeudi 4 mars" and "aller", for unambiguous button names in a long list. */
  readonly dayText: string
  readonly directionText: string
  /** Null when I cannot take this place (nobody of my family is free for it). */
  readonly onTake: (() => void) | null
  readonly onWithdraw: () => void
  /** The walk no longer needs adults (it started): an empty place is "Personne", not "À pourvoir". */
  readonly history?: boolean
  /** Shown after the holder's name ("cherche un remplaçant"). */
  readonly note?: ComponentChildren
  /** Swap actions of a held place (offer, trade, take), after the withdrawal. */
  readonly children?: ComponentChildren
}

export function SlotRow(props: SlotRowProps) {
  const { slot, holder, holderAdult, mine, self, dayText, directionText, onTake, onWithdraw, note, children } = props
  const history = props.history ?? false
  const { t } = useI18n()
  const role = t(slot === 'lead' ? 'rota.slot.lead' : slot === 'tail' ? 'rota.slot.tail' : 'rota.slot.extra')
  const name = holderAdult?.firstName ?? '?'
  if (!holder) {
    return (
      <li class="slot" data-testid={`slot-${slot}`} data-state="empty">
        {onTake ? (
          <button type="button" class="button slot__take" onClick={onTake}>
            <span class="slot__role">{role}</span>
            <span class="slot__empty"><span aria-hidden="true">! </span>{t('rota.slot.empty')}</span>
            <span>
              {t('rota.slot.take')}
              <span class="visually-hidden">{t('rota.slot.takeContext', { day: dayText, direction: directionText })}</span>
              <span aria-hidden="true"> +</span>
            </span>
          </button>
        ) : history ? (
          <>
            <span class="slot__role">{role}</span>
            <span class="slot__who">{t('rota.slot.nobody')}</span>
          </>
        ) : (
          <>
            <span class="slot__role">{role}</span>
            <span class="slot__who slot__empty"><span aria-hidden="true">! </span>{t('rota.slot.empty')}</span>
          </>
        )}
      </li>
    )
  }
  return (
    <li class="slot" data-testid={`slot-${slot}`} data-state="held">
      <span class="slot__role">{role}</span>
      <span class="slot__who" data-testid="holder">
        {name}
        {mine && <> {t('rota.slot.you')}</>}
        {note}
      </span>
      {mine && (
        <ConfirmAction
          label={self ? t('rota.slot.withdraw') : t('rota.slot.withdrawOther', { name })}
          accessibleLabel={t(self ? 'rota.slot.withdrawLabel' : 'rota.slot.withdrawOtherLabel', { name, slot: role.toLowerCase(), day: dayText, direction: directionText })}
          question={t('rota.slot.withdrawConfirm', { name, day: dayText, direction: directionText })}
          confirmLabel={t('rota.slot.withdrawYes')}
          onConfirm={onWithdraw}
        />
      )}
      {children}
    </li>
  )
}
