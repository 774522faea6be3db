// Pure texts of the swaps: notices (noticesFor), urgent items, take and trade outcomes, command errors.
import type { SwapError, TakeOutcome, TradeOutcome } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import type { Notice, NoticeKind, TradeFailure, UrgentItem } from '../../../domain/swaps/index.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { directionText, formatDay } from '../rota/rota-format.ts'
import { listFormat } from '../../i18n/formats.ts'

type Names = ReadonlyMap<AdultId, Adult>
const nameOf = (names: Names, id: AdultId | null): string => (id === null ? '?' : names.get(id)?.firstName ?? '?')

const NOTICE_KEYS: Readonly<Record<Exclude<NoticeKind, 'tradeRequest'>, MessageKey>> = {
  takeLost: 'swap.notice.takeLost',
  offerWithdrawn: 'swap.notice.offerWithdrawn',
  offerVoid: 'swap.notice.offerVoid',
  notEligible: 'swap.notice.notEligible',
  busyElsewhere: 'swap.notice.busyElsewhere',
  tradeFailed: 'swap.notice.tradeFailed',
  offerTaken: 'swap.notice.offerTaken',
  tradeDone: 'swap.notice.tradeDone',
  lateWithdrawal: 'swap.notice.lateWithdrawal',
  declined: 'swap.notice.declined',
  pendingOffer: 'swap.notice.pendingOffer',
  offerExpired: 'swap.notice.offerExpired',
}

const REASON_KEYS: Readonly<Record<TradeFailure, MessageKey>> = {
  authorNoLongerHolds: 'swap.reason.authorNoLongerHolds',
  responderNoLongerHolds: 'swap.reason.responderNoLongerHolds',
  wouldHoldTwo: 'swap.reason.wouldHoldTwo',
}

export interface NoticeContext {
  readonly names: Names
  /** Whether the notice's offer is a trade (a pending trade reads differently from a pending replacement). */
  readonly trade: boolean
  /** For a trade request: the walk of ours the offer names, or undefined for "any of yours". */
  readonly target?: { readonly date: string; readonly direction: 'aller' | 'retour' } | undefined
}

/** One sentence per notice: "Trajet du jeudi 11 mars (aller) : déjà pris par Paul. Vos créneaux ne changent pas." */
export const noticeText = (t: Translate, language: Language, notice: Notice, context: NoticeContext): string => {
  const values = {
    day: formatDay(notice.walk.date, language),
    direction: directionText(t, notice.walk.direction),
    name: nameOf(context.names, notice.adultId),
    other: nameOf(context.names, notice.other),
  }
  if (notice.kind === 'tradeRequest') {
    const target = context.target
      ? t('swap.notice.yourWalk', { day: formatDay(context.target.date as Notice['walk']['date'], language), direction: directionText(t, context.target.direction) })
      : t('swap.notice.anyOfYours')
    return t('swap.notice.tradeRequest', { ...values, target })
  }
  if (notice.kind === 'pendingOffer' && context.trade) return t('swap.notice.pendingTrade', values)
  if (notice.kind === 'tradeFailed') return t('swap.notice.tradeFailed', { ...values, reason: t(REASON_KEYS[notice.reason ?? 'authorNoLongerHolds']) })
  return t(NOTICE_KEYS[notice.kind], values)
}

/** Notices that call for attention (shown as warnings, with an icon): something did not happen as asked. */
export const isWarning = (kind: NoticeKind): boolean =>
  kind === 'takeLost' || kind === 'offerWithdrawn' || kind === 'offerVoid' || kind === 'notEligible' || kind === 'busyElsewhere'
  || kind === 'tradeFailed' || kind === 'declined' || kind === 'offerExpired' || kind === 'lateWithdrawal'

/** "Urgent : personne pour conduire mardi 9 mars 08:05 (aller)", the most pressing reason first. */
export const urgentText = (t: Translate, language: Language, item: UrgentItem, names: Names, offerAuthors: readonly AdultId[]): string => {
  const walk = item.walk
  const when = t('swap.urgent.when', { day: formatDay(walk.date, language), time: walk.startTime ?? '', direction: directionText(t, walk.direction) }).replace(/\s+/g, ' ')
  if (item.reasons.includes('understaffed')) {
    if (walk.lead === null) return t('swap.urgent.noLead', { when })
    if (walk.tail === null) return t('swap.urgent.noTail', { when })
    return t('swap.urgent.missing', { when })
  }
  if (item.reasons.includes('openOffer') && offerAuthors.length > 0) {
    const list = listFormat(language, { type: 'conjunction' }).format(offerAuthors.map((id) => nameOf(names, id)))
    return t('swap.urgent.offer', { names: list, when })
  }
  return t('swap.urgent.released', { when })
}

export interface OutcomeValues {
  readonly holder: string
  readonly taker: string
  /** The taker is the adult using this phone ("vous remplacez"). */
  readonly self: boolean
  readonly day: string
  readonly direction: string
  /** Who won instead, when the take lost (null if unknown yet). */
  readonly winner: string | null
}

/** "C’est noté : vous remplacez Léa le jeudi 11 mars (aller)." or "Déjà pris par Paul." */
export const takeOutcomeText = (t: Translate, outcome: TakeOutcome, values: OutcomeValues): string => {
  const { holder, taker, day, direction } = values
  switch (outcome) {
    case 'taken': return values.self ? t('swap.taken', { name: holder, day, direction }) : t('swap.takenOther', { taker, name: holder, day, direction })
    case 'alreadyTaken': return values.winner === null ? t('swap.alreadyTakenSomeone') : t('swap.alreadyTaken', { name: values.winner })
    case 'withdrawn': return t('swap.outcomeWithdrawn')
    default: return t('swap.outcomeVoid')
  }
}

export const tradeOutcomeText = (t: Translate, outcome: TradeOutcome): string =>
  t(outcome === 'traded' ? 'swap.traded' : outcome === 'declined' ? 'swap.declined' : 'swap.tradeFailed')

const ERROR_KEYS: Readonly<Record<SwapError, MessageKey>> = {
  notFound: 'swap.error.notFound',
  notHolder: 'swap.error.notHolder',
  notEligible: 'swap.error.notEligible',
  busyElsewhere: 'swap.error.busyElsewhere',
  expired: 'swap.error.expired',
  unknownAdult: 'swap.error.unknownAdult',
  notRecorded: 'swap.error.notRecorded',
}
export const swapErrorText = (t: Translate, error: SwapError): string => t(ERROR_KEYS[error])
