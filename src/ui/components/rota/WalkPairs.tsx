// A walk's pairs ("Marie en binôme avec Sophie", never counted as places) and the "Marcher en binôme" form.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { AskPairError, PairCommands, SessionIdentity } from '../../../app/api.ts'
import { pairCandidates, walkPairLines } from '../../../app/queries/pairs.ts'
import { adultName } from '../../../app/queries/rota-view.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Pair, PairLine } from '../../../domain/pairs.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'

export interface WalkPairsProps {
  readonly session: SessionIdentity
  /** Without them (a view-only card), the pairs show but nobody asks or withdraws one. */
  readonly commands: PairCommands | undefined
  readonly walk: WalkRota
  /** The walk's active pairs (from the week's memoized index). */
  readonly pairs: readonly Pair[]
  readonly adults: ReadonlyMap<AdultId, Adult>
  readonly myAdults: readonly Adult[]
  readonly past: boolean
  readonly idPrefix: string
  readonly dayText: string
  readonly directionText: string
  readonly onDone: () => void
}

const refOf = (walk: WalkRota): WalkRef => ({ lineId: walk.lineId, date: walk.date, direction: walk.direction })

export function WalkPairs(props: WalkPairsProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const me = useStore(props.session.me)
  const [open, setOpen] = useState(false)
  const { commands, walk, pairs, adults } = props
  const past = props.past || commands === undefined
  const lines = walkPairLines(walk, pairs)
  const holders = [walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp ? [signUp.adultId] : []))
  const candidates = past || holders.length === 0 ? [] : pairCandidates(walk, pairs, props.myAdults)
  const mine = new Set(props.myAdults.map((adult) => adult.id))
  const name = (id: AdultId) => adultName(adults, id)

  const withdraw = (adultId: AdultId) => {
    props.onDone()
    if (commands === undefined) return
    const result = commands.withdrawPair(refOf(walk), adultId)
    announce(result.ok ? t('rota.pair.withdrawn', { name: name(adultId) }) : t(`rota.pair.error.${result.error}`))
  }
  if (lines.length === 0 && candidates.length === 0) return null
  return (
    <div class="walk__pairs" data-testid="walk-pairs">
      {lines.length > 0 && (
        <>
          <p class="walk__pairs-title">{t('rota.pair.title')}</p>
          <ul class="list">
            {lines.map((line) => (
              <PairRow key={line.pair.adultId} line={line} name={name} canWithdraw={!past && (mine.has(line.pair.adultId)
                || line.pair.adultId === me.adultId)} onWithdraw={withdraw} />
            ))}
          </ul>
        </>
      )}
      {candidates.length > 0 && !open && (
        <button type="button" class="button" data-testid="pair-ask" onClick={() => setOpen(true)}>{t('rota.pair.ask')}</button>
      )}
      {candidates.length > 0 && open && (
        <PairForm {...props} commands={commands!} candidates={candidates} holders={holders} onClose={() => setOpen(false)} />
      )}
    </div>
  )
}

interface PairRowProps {
  readonly line: PairLine
  readonly name: (id: AdultId) => string
  readonly canWithdraw: boolean
  readonly onWithdraw: (adultId: AdultId) => void
}

function PairRow({ line: { pair, review }, name, canWithdraw, onWithdraw }: PairRowProps) {
  const { t } = useI18n()
  const values = { name: name(pair.adultId), with: name(pair.withAdultId) }
  return (
    <li class="list__item" data-testid="pair-line">
      <span>
        {t(pair.kind === 'handover' ? 'rota.pair.handoverLine' : 'rota.pair.line', values)}
        {review && <strong class="walk__pair-review" data-testid="pair-review"> · {t('rota.pair.review', values)}</strong>}
      </span>
      {canWithdraw && (
        <button
          type="button" class="button" aria-label={t('rota.pair.withdrawLabel', values)} onClick={() => onWithdraw(pair.adultId)}
        >
          {t('rota.pair.withdraw')}
        </button>
      )}
    </li>
  )
}

interface PairFormProps extends Omit<WalkPairsProps, 'commands'> {
  readonly commands: PairCommands
  readonly candidates: readonly Adult[]
  readonly holders: readonly AdultId[]
  readonly onClose: () => void
}

function PairForm(props: PairFormProps) {
  const { commands, walk, adults, idPrefix, dayText, directionText, candidates, holders, onClose, onDone } = props
  const { t } = useI18n()
  const announce = useAnnounce()
  const [adultId, setAdultId] = useState<AdultId>(candidates[0]!.id)
  const [withId, setWithId] = useState<AdultId>(holders[0]!)
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => first.current?.focus(), [])
  const submit = (event: Event) => {
    event.preventDefault()
    const result = commands.askPair(refOf(walk), adultId, withId)
    if (!result.ok) return setError(t(`rota.pair.error.${result.error satisfies AskPairError}`))
    onClose()
    onDone()
    const values = { name: adultName(adults, adultId), with: adultName(adults, withId), day: dayText, direction: directionText }
    announce(t('rota.pair.asked', values))
  }
  return (
    <form class="chooser" aria-label={t('rota.pair.askTitle', { day: dayText, direction: directionText })} onSubmit={submit}
      data-testid="pair-form" noValidate>
      <p class="chooser__question">{t('rota.pair.askTitle', { day: dayText, direction: directionText })}</p>
      <label for={`${idPrefix}-pair-who`}>{t('rota.pair.who')}</label>
      <select
        id={`${idPrefix}-pair-who`} ref={first} value={adultId} onChange={(e) => setAdultId(e.currentTarget.value as AdultId)}
      >
        {candidates.map((adult) => <option key={adult.id} value={adult.id}>{adult.firstName}</option>)}
      </select>
      <label for={`${idPrefix}-pair-with`}>{t('rota.pair.with')}</label>
      <select id={`${idPrefix}-pair-with`} value={withId} onChange={(e) => setWithId(e.currentTarget.value as AdultId)}>
        {holders.map((id) => <option key={id} value={id}>{adultName(adults, id)}</option>)}
      </select>
      {error && <p class="field__error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="button button--primary">{t('rota.pair.ask')}</button>
        <button type="button" class="button" onClick={onClose}>{t('form.cancel')}</button>
      </div>
    </form>
  )
}
