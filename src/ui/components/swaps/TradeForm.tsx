// "Proposer un échange": choose a family, then one of its coming slots or "n'importe lequel de leurs créneaux"; sends proposeTrade.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { SessionIdentity, SessionState, SwapCommands } from '../../../app/api.ts'
import type { AdultId, FamilyId } from '../../../domain/ids.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay, slotText, todayIn } from '../rota/rota-format.ts'
import { adultName, adultsById } from '../../../app/queries/rota-view.ts'
import { refOf, tradableSlotsOf } from '../../../app/queries/swaps.ts'
import { followSlotOffer, tradeSentToast } from './offer-toast.ts'
import { swapErrorText } from './swap-text.ts'
import { useSwaps } from './useSwaps.ts'

interface TradeFormProps {
  readonly session: SessionState & SessionIdentity & SwapCommands
  readonly walk: WalkRota
  readonly adultId: AdultId
  readonly idPrefix: string
  readonly onClose: () => void
}

export function TradeForm({ session, walk, adultId, idPrefix, onClose }: TradeFormProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { view, me, now } = useSwaps(session)
  const [familyId, setFamilyId] = useState<FamilyId | ''>('')
  const [choice, setChoice] = useState('any')
  const [error, setError] = useState<string | null>(null)
  const select = useRef<HTMLSelectElement>(null)
  useEffect(() => select.current?.focus(), [])
  const families = view.families.filter((family) => family.id !== me.familyId).sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
  const today = todayIn(now)
  const slots = useMemo(
    () => (familyId === '' ? [] : tradableSlotsOf(view, familyId, today, now).filter((held) => held.walk.key !== walk.key)),
    [view, familyId, today, now, walk.key],
  )
  const adults = adultsById(view)
  const day = formatDay(walk.date, language)
  const direction = directionText(t, walk.direction)
  const title = t('swap.tradeTitle', { day, direction })

  const submit = (event: Event) => {
    event.preventDefault()
    if (familyId === '') {
      setError(t('swap.tradeNeedFamily'))
      select.current?.focus()
      return
    }
    const target = slots.find((held) => `${held.walk.key}|${held.adultId}` === choice)
    const result = session.proposeTrade(refOf(walk), adultId, target ? { familyId, walk: refOf(target.walk) } : { familyId })
    if (!result.ok) {
      setError(swapErrorText(t, result.error))
      return
    }
    const text = t('swap.tradeSent', { family: families.find((family) => family.id === familyId)?.displayName ?? '' })
    // "Chaque créneau reste à sa place" follows the synced swaps: the answer, or a slot lost elsewhere, replaces it.
    announce(text, followSlotOffer(session.view, result.value, (now) => tradeSentToast(t, now, text)))
    onClose()
  }

  return (
    <form class="chooser" aria-label={title} onSubmit={submit} data-testid="trade-form" noValidate>
      <p class="chooser__question">{title}</p>
      <label for={`${idPrefix}-family`}>{t('swap.tradeFamily')}</label>
      <select id={`${idPrefix}-family`} ref={select} value={familyId} aria-invalid={error !== null && familyId === ''} onChange={(event) => { setFamilyId(event.currentTarget.value as FamilyId | ''); setChoice('any'); setError(null) }}>
        <option value="">{t('swap.tradeChooseFamily')}</option>
        {families.map((family) => <option key={family.id} value={family.id}>{family.displayName}</option>)}
      </select>
      {familyId !== '' && (
        <fieldset class="choices">
          <legend>{t('swap.tradeSlot')}</legend>
          <label class="choice">
            <input type="radio" name={`${idPrefix}-slot`} value="any" checked={choice === 'any'} onChange={() => setChoice('any')} />
            {t('swap.tradeAny')}
          </label>
          {slots.map((held) => {
            const value = `${held.walk.key}|${held.adultId}`
            return (
              <label key={value} class="choice">
                <input type="radio" name={`${idPrefix}-slot`} value={value} checked={choice === value} onChange={() => setChoice(value)} />
                {`${formatDay(held.walk.date, language)} (${directionText(t, held.walk.direction)}) · ${slotText(t, held.slot)} : ${adultName(adults, held.adultId)}`}
              </label>
            )
          })}
          {slots.length === 0 && <p class="muted">{t('swap.tradeNoSlots')}</p>}
        </fieldset>
      )}
      {error && <p class="field__error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="button button--primary">{t('swap.tradeSend')}</button>
        <button type="button" class="button" onClick={onClose}>{t('form.cancel')}</button>
      </div>
    </form>
  )
}
