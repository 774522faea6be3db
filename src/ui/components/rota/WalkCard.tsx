// One walk of the week: its state (icon + word), start time, children and adults counts, its places (with swap actions), the sign-up flow and waiting list.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { PairCommands, RotaCommands, SessionIdentity, SessionState, SwapCommands } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Pair } from '../../../domain/pairs.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { Slot, WalkRef } from '../../../domain/signup.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { memoWith, sameData } from '../memo.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { cancellationText, directionText, directionTitle, formatDay, slotText, STATE_ICONS, stateText, withdrawText } from './rota-format.ts'
import { heldPlaces } from '../../../app/queries/rota.ts'
import { adultName, isMine } from '../../../app/queries/rota-view.ts'
import { SlotSwap, SlotSwapTag } from '../swaps/MySlotSwap.tsx'
import { SlotRow } from './SlotRow.tsx'
import { followPlace, placeToastText } from './place-toast.ts'
import type { Place } from '../../../app/queries/place-claim.ts'
import { IdentityForm } from './WhoAreYou.tsx'
import { WaitingList } from './WaitingList.tsx'
import { WalkPairs } from './WalkPairs.tsx'

export interface WalkCardProps {
  readonly session: SessionState & SessionIdentity & RotaCommands & SwapCommands
  readonly walk: WalkRota
  readonly adults: ReadonlyMap<AdultId, Adult>
  /** The adults of my family (none when I have not said who I am). */
  readonly myAdults: readonly Adult[]
  /** Expected children declared absent on this walk. */
  readonly absentCount: number
  /** A walk that has started (earlier today or before): shown, but nobody signs up or withdraws any more. */
  readonly past?: boolean
  /** The walk's active pairs ("en binôme avec …"), from the week's memoized index: never counted as places. */
  readonly pairs?: readonly Pair[]
  /** "Marcher en binôme" and "Retirer"; without them the pairs only show. */
  readonly pairCommands?: PairCommands
}

const refOf = (walk: WalkRota): WalkRef => ({ lineId: walk.lineId, date: walk.date, direction: walk.direction })

/**
 * Rendered again only when its walk, its people or the phone's identity changed: a sign-up re-renders its own card, not
 * the week's dozens (each card's texts and places are the same when its walk is).
 */
export const sameWalkCardProps = (previous: WalkCardProps, next: WalkCardProps): boolean =>
  previous.session === next.session && previous.adults === next.adults && previous.myAdults === next.myAdults
  && previous.absentCount === next.absentCount && previous.past === next.past && previous.pairs === next.pairs
  && previous.pairCommands === next.pairCommands && sameData(previous.walk, next.walk)

const NO_PAIRS: readonly Pair[] = []

export const WalkCard = memoWith(WalkCardBody, sameWalkCardProps)

function WalkCardBody({ session, walk, adults, myAdults, absentCount, past = false, pairs = NO_PAIRS, pairCommands }: WalkCardProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  const [choosing, setChoosing] = useState<Slot | null>(null)
  const card = useRef<HTMLElement>(null)
  const day = formatDay(walk.date, language)
  const direction = directionText(t, walk.direction)
  const headingId = `walk-${walk.key.replace(/[^A-Za-z0-9-]/g, '-')}`

  const placed = new Set(heldPlaces(walk).map((place) => place.signUp.adultId))
  const freeAdults = myAdults.filter((adult) => !placed.has(adult.id))
  const canTake = !past && (me.familyId === null || myAdults.length === 0 || freeAdults.length > 0)

  const signUp = (slot: Slot, adultId: AdultId) => {
    setChoosing(null)
    card.current?.focus()
    const result = session.signUp(refOf(walk), slot, adultId)
    const values = { name: adultName(adults, adultId), day, direction }
    if (!result.ok) return announce(t(SIGN_UP_ERROR_KEYS[result.error]))
    const held = result.value === 'held'
    const confirmed = held
      ? t('rota.signUp.held', { ...values, slot: slotText(t, slot).toLowerCase() })
      : t('rota.signUp.waiting', values)
    // The toast follows the synced rota: another phone's earlier sign-up may take the place while it shows.
    const claimed: Place = held ? { kind: 'held', slot } : { kind: 'waiting' }
    const truth = (now: Place) => placeToastText(t, claimed, now, confirmed, values)
    announce(confirmed, followPlace(session.view, refOf(walk), adultId, truth))
  }
  const take = (slot: Slot) => {
    if (me.familyId !== null && freeAdults.length === 1 && freeAdults[0]) signUp(slot, freeAdults[0].id)
    else setChoosing(slot)
  }
  const withdraw = (adultId: AdultId) => {
    card.current?.focus()
    // The command takes the adult off the walk as shown: a place received through a swap is released ("à pourvoir").
    const result = session.withdraw(refOf(walk), adultId)
    const text = withdrawText(t, result, { name: adultName(adults, adultId), day, direction })
    // "Ne fait plus partie du trajet" is dropped if a sync puts the adult back on the walk.
    const stillOff = (now: Place) => (now.kind === 'off' ? text : null)
    announce(text, result.ok ? followPlace(session.view, refOf(walk), adultId, stillOff) : undefined)
  }

  const extraPlaces = Math.max(0, walk.requiredAdults - 2, walk.extras.length)
  const rows: Array<{ slot: Slot; index: number }> = [
    { slot: 'lead', index: 0 },
    { slot: 'tail', index: 0 },
    ...Array.from({ length: extraPlaces }, (_, index) => ({ slot: 'extra' as const, index })),
  ]
  const holderOf = (slot: Slot, index: number) => (slot === 'lead' ? walk.lead : slot === 'tail' ? walk.tail : walk.extras[index] ?? null)
  const held = heldPlaces(walk).length
  const childCount = walk.expectedChildIds.length
  // Declared absences already left the expected children and the ratio (absentCount): say so, or the drop looks like
  // a bug.

  return (
    <article class={`walk walk--${past ? 'past' : walk.state}`} ref={card} tabIndex={-1} aria-labelledby={headingId} data-testid="walk" data-walk={walk.key} data-state={walk.state}>
      <div class="walk__head">
        <h4 id={headingId}>
          {directionTitle(t, walk.direction)}
          {walk.startTime && <span class="muted"> · {t('rota.startsAt', { time: walk.startTime })}</span>}
        </h4>
        {past ? (
          <span class="state state--cancelled" data-testid="walk-state">{t('rota.state.past')}</span>
        ) : (
          <span class={`state state--${walk.state}`} data-testid="walk-state">
            <span aria-hidden="true">{STATE_ICONS[walk.state]}</span>
            {stateText(t, walk.state)}
          </span>
        )}
      </div>
      {walk.cancellation ? (
        <p class="walk__meta" data-testid="cancellation">{cancellationText(t, walk.cancellation)}</p>
      ) : (
        <>
          <p class="walk__meta">
            {t(pluralKey<MessageKey>(language, childCount, 'rota.children.one', 'rota.children.other'), { n: childCount })}
            {' · '}
            {t('rota.adultsCount', { held, required: walk.requiredAdults })}
          </p>
          {absentCount > 0 && (
            <p class="walk__absences" data-testid="walk-absences">
              {t(pluralKey<MessageKey>(language, absentCount, 'absence.walkCount.one', 'absence.walkCount.other'), { n: absentCount })}
            </p>
          )}
          <ul class="slots">
            {rows.map(({ slot, index }) => {
              const holder = holderOf(slot, index)
              return (
                <SlotRow
                  key={`${slot}-${index}`}
                  slot={slot}
                  holder={holder}
                  holderAdult={holder ? adults.get(holder.adultId) : undefined}
                  mine={!past && holder !== null && isMine(holder, me)}
                  self={holder !== null && holder.adultId === me.adultId}
                  dayText={day}
                  directionText={direction}
                  onTake={canTake ? () => take(slot) : null}
                  history={past}
                  onWithdraw={() => holder && withdraw(holder.adultId)}
                  note={holder && <SlotSwapTag session={session} walk={walk} holder={holder} />}
                >
                  {holder && (
                    <SlotSwap
                      session={session}
                      walk={walk}
                      holder={holder}
                      holderAdult={adults.get(holder.adultId)}
                      past={past}
                      idPrefix={`${headingId}-${slot}-${index}`}
                      onDone={() => card.current?.focus()}
                    />
                  )}
                </SlotRow>
              )
            })}
          </ul>
          {choosing && (
            me.familyId === null || myAdults.length === 0 ? (
              <IdentityForm session={session} idPrefix={`${headingId}-me`} onDone={(adultId) => signUp(choosing, adultId)} onCancel={() => setChoosing(null)} />
            ) : (
              <AdultChoice
                question={t('rota.slot.chooseAdultFor', { slot: slotText(t, choosing).toLowerCase(), day, direction })}
                adults={freeAdults}
                onChoose={(adultId) => signUp(choosing, adultId)}
                onCancel={() => setChoosing(null)}
              />
            )
          )}
          <WalkPairs
            session={session} commands={pairCommands} walk={walk} pairs={pairs} adults={adults} myAdults={myAdults} past={past}
            idPrefix={headingId} dayText={day} directionText={direction} onDone={() => card.current?.focus()}
          />
          <WaitingList walk={walk} adults={adults} me={me} selfId={me.adultId} canWithdraw={!past} dayText={day} directionText={direction} onWithdraw={withdraw} />
        </>
      )}
    </article>
  )
}

interface AdultChoiceProps {
  readonly question: string
  readonly adults: readonly Adult[]
  readonly onChoose: (adultId: AdultId) => void
  readonly onCancel: () => void
}

/** One big button per free adult of my family: one tap signs that adult up. */
function AdultChoice({ question, adults, onChoose, onCancel }: AdultChoiceProps) {
  const { t } = useI18n()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div class="chooser" role="group" aria-label={question} data-testid="adult-choice">
      <h4>{question}</h4>
      <div class="actions">
        {adults.map((adult, i) => (
          <button key={adult.id} type="button" class="button button--primary" ref={i === 0 ? first : undefined} onClick={() => onChoose(adult.id)}>
            {adult.firstName}
          </button>
        ))}
        <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </div>
  )
}

const SIGN_UP_ERROR_KEYS = {
  unknownAdult: 'rota.signUp.unknownAdult',
  walkNotRunning: 'rota.signUp.walkNotRunning',
  alreadyOnWalk: 'rota.signUp.alreadyOnWalk',
  busyElsewhere: 'rota.signUp.busyElsewhere',
  notRecorded: 'rota.signUp.notRecorded',
} as const
