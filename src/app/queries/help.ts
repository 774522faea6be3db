// What the Coups de main screens and the home show: open requests near in time, my family's, one request's answers.
import { addDays } from '../../domain/dates.ts'
import { instantToParisDate } from '../../domain/calendar/paris-time.ts'
import { helpCounts, type HelpCount } from '../../domain/help/counts.ts'
import { allHelpKindsOf, helpKindLabel, helpKindsOf, type HelpKind } from '../../domain/help/kinds.ts'
import { NO_HELP, type HelpRecords, type HelpRequest, type HelpRequestId } from '../../domain/help/records.ts'
import { activeAnswersOf, helpStateOf, resolveHelp, type HelpResolution, type HelpState } from '../../domain/help/resolve.ts'
import type { FamilyId } from '../../domain/ids.ts'
import type { Language } from '../../domain/language.ts'
import type { Family } from '../../domain/family.ts'
import { compareText } from '../../domain/record-order.ts'

/** What a query reads: the coups de main (absent in views built without them) and the families' names. */
export interface HelpView {
  readonly help?: HelpRecords
  readonly families: readonly Pick<Family, 'id' | 'displayName'>[]
}

/** How far ahead the home looks for open requests. */
export const HELP_NEAR_DAYS = 7

const recordsOf = (view: HelpView): HelpRecords => view.help ?? NO_HELP
/** Dated ones first by date and start, then undated ones; ties by id, the same on every phone. */
export const helpByWhen = (a: HelpRequest, b: HelpRequest): number =>
  compareText(a.date ?? '9999', b.date ?? '9999') || compareText(a.from ?? '', b.from ?? '') || compareText(a.id, b.id)

/** Open requests and offers from today to HELP_NEAR_DAYS ahead, and undated open ones: what the home shows. */
export const helpNearInTime = (view: HelpView, now: number): HelpRequest[] => {
  const last = addDays(instantToParisDate(now), HELP_NEAR_DAYS)
  return recordsOf(view).requests
    .filter((request) => helpStateOf(request, now) === 'open' && (request.date === undefined || request.date <= last))
    .sort(helpByWhen)
}

/** My family's requests and offers with their state, soonest first. */
export const myHelpRequests = (view: HelpView, familyId: FamilyId, now: number): { request: HelpRequest; state: HelpState }[] =>
  recordsOf(view).requests.filter((request) => request.familyId === familyId).sort(helpByWhen)
    .map((request) => ({ request, state: helpStateOf(request, now) }))

export interface HelpAnswerRow {
  readonly familyId: FamilyId
  /** The family's name, or null when it left the collective. */
  readonly name: string | null
  readonly holds: boolean
  readonly confirmed: boolean
}

export interface HelpRequestPage {
  readonly request: HelpRequest
  readonly state: HelpState
  readonly resolution: HelpResolution
  /** Who answered, in the order places are given. */
  readonly answers: readonly HelpAnswerRow[]
  /** My family's place: 'helping', 'waiting' (told the places are taken), or null when it did not answer. */
  readonly mine: 'helping' | 'waiting' | null
  readonly placesLeft: number
}

export const helpRequestPage = (view: HelpView, id: HelpRequestId, familyId: FamilyId | null, now: number): HelpRequestPage | null => {
  const { requests, answers } = recordsOf(view)
  const request = requests.find((r) => r.id === id)
  if (request === undefined) return null
  const resolution = resolveHelp(request, answers)
  const names = new Map(view.families.map((family) => [family.id, family.displayName]))
  const order = [...resolution.holders, ...resolution.waiting]
  const active = activeAnswersOf(request, answers)
  const rows = order.filter((family) => active.some((a) => a.familyId === family)).map((family) => ({
    familyId: family, name: names.get(family) ?? null, holds: resolution.holders.includes(family),
    confirmed: resolution.confirmed.includes(family),
  }))
  const mine = familyId === null ? null
    : resolution.holders.includes(familyId) ? 'helping' : resolution.waiting.includes(familyId) ? 'waiting' : null
  return {
    request, state: helpStateOf(request, now), resolution, answers: rows, mine,
    placesLeft: request.needed - resolution.holders.length,
  }
}

/** The kinds a form offers: the shipped ones the collective kept, and those it added. */
export const helpKinds = (view: HelpView): HelpKind[] => helpKindsOf(recordsOf(view).kinds)

/**
 * What the notice area of every screen tells a family about coups de main: to the requester, each family that
 * answered; to a helper, that the requester counts on it, or cancelled; to a family that answered too late, that the
 * places are taken. Only while the request is open (a cancellation: until its window ends). `familyId`: the family the
 * notice names. The key changes with the answer it tells of, so a dismissal holds until something new happens.
 */
export interface HelpNews {
  readonly kind: 'answered' | 'confirmed' | 'waiting' | 'cancelled'
  readonly key: string
  readonly request: HelpRequest
  readonly familyId: FamilyId
}

const answeredNews = (request: HelpRequest, answers: HelpRecords['answers']): HelpNews[] =>
  activeAnswersOf(request, answers).map((answer) => ({
    kind: 'answered', key: `help|answered|${request.id}|${answer.familyId}|${answer.clock}`, request, familyId: answer.familyId,
  }))

const helperNews = (request: HelpRequest, answers: HelpRecords['answers'], familyId: FamilyId, now: number): HelpNews[] => {
  const mine = activeAnswersOf(request, answers).find((answer) => answer.familyId === familyId)
  if (mine === undefined) return []
  const { holders, confirmed, waiting } = resolveHelp(request, answers)
  const state = helpStateOf(request, now)
  const named = { request, familyId: request.familyId }
  if (state === 'cancelled') {
    const over = request.date !== undefined && helpStateOf({ ...request, status: 'open' }, now) === 'expired'
    return holders.includes(familyId) && !over ? [{ kind: 'cancelled', key: `help|cancelled|${request.id}|${familyId}`, ...named }] : []
  }
  if (state !== 'open') return []
  if (confirmed.includes(familyId)) return [{ kind: 'confirmed', key: `help|confirmed|${request.id}|${familyId}`, ...named }]
  if (waiting.includes(familyId)) return [{ kind: 'waiting', key: `help|waiting|${request.id}|${familyId}|${mine.clock}`, ...named }]
  return []
}

export const helpNewsOf = (view: HelpView, familyId: FamilyId | null, now: number): HelpNews[] => {
  if (familyId === null) return []
  const { requests, answers } = recordsOf(view)
  return [...requests].sort(helpByWhen).flatMap((request) =>
    request.familyId === familyId
      ? (helpStateOf(request, now) === 'open' ? answeredNews(request, answers) : [])
      : helperNews(request, answers, familyId, now))
}

/** A request's kind as a label: shipped, added by the collective (hidden since, too), or "Autre" for an unknown id. */
export const helpKindText = (view: HelpView, kindId: string, language: Language): string => {
  const kinds = allHelpKindsOf(recordsOf(view).kinds)
  const kind = kinds.find((candidate) => candidate.id === kindId) ?? kinds.find((candidate) => candidate.id === 'other')
  return kind === undefined ? kindId : helpKindLabel(kind, language)
}

/** Coups de main given and received per family, in the families' order (never ranked); null when the setting is off. */
export const helpCountsOf = (
  view: HelpView & { readonly planning: { readonly fairness: { readonly helpCounts?: boolean | undefined } } }, now: number,
): (HelpCount & { readonly name: string })[] | null => {
  if (view.planning.fairness.helpCounts === false) return null
  const names = new Map(view.families.map((family) => [family.id, family.displayName]))
  return helpCounts(recordsOf(view), view.families.map((family) => family.id), now)
    .map((count) => ({ ...count, name: names.get(count.familyId) ?? '' }))
}
