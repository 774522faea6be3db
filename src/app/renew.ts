// "Renouveler l'invitation" (issue 6): copy the collective into a new room and secret, wait for the relay, close the old room.
//
// Order matters: the old room is made read-only only once the relay durably holds the copy, so a
// phone (or relay) failure in between never leaves the collective without a writable home.
import { deriveRoomToken, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { RENEW_PATH_PREFIX, TOKEN_HEADER } from '../lib/relay-protocol.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { CollectiveSession, RenewError, RestoreError, SyncStatus } from './api.ts'
import type { RelayFetch } from './env.ts'
import { ownIdentityOf } from './own-identity.ts'

export interface RenewDeps {
  readonly openCollective: (id: RoomId) => Promise<CollectiveSession | null>
  readonly restoreCollective: (json: string, renewedFrom: RoomId) => Promise<Result<RoomId, RestoreError>>
  readonly forgetCollective: (id: RoomId) => Promise<void>
  /** Removes the renewed collective from this phone once its copy took over (its archived years follow the copy). */
  readonly retireCollective: (id: RoomId, successor: RoomId) => Promise<void>
  /** The stored invite secret of a collective this phone holds; null when unknown. */
  readonly secretOf: (id: RoomId) => Promise<InviteSecret | null>
  /** http(s) (or ws(s)) URL of the relay. */
  readonly relayUrl: string
  readonly fetch: RelayFetch
  readonly copyTimeoutMs: number
  /** Waits before each new try of the renewal request after a network error or a 5xx. */
  readonly retryDelaysMs: readonly number[]
}

/** `wss://host/...` or `https://host/...` -> `https://host/renew/<roomId>` (or another of the relay's room paths). */
export const renewUrl = (relayUrl: string, roomId: RoomId, prefix = RENEW_PATH_PREFIX): string => {
  const url = new URL(relayUrl)
  const protocol = url.protocol === 'wss:' || url.protocol === 'https:' ? 'https:' : 'http:'
  return `${protocol}//${url.host}${prefix}${roomId}`
}

export const renewCollective = async (deps: RenewDeps, id: RoomId): Promise<Result<RoomId, RenewError>> => {
  const old = await deps.openCollective(id)
  const secret = await deps.secretOf(id)
  if (old === null || secret === null) return err('storageUnavailable')
  const before = old.status.get()
  if (before.connection !== 'online') return err('offline')
  // Renewing a room that already moved would make a second, diverging copy.
  if (before.moved) return err('relayRefused')
  if (before.pending > 0 || before.local !== 'saved') return err('notSynced')

  const me = ownIdentityOf(old) // the phone's own family, not one it may be acting for
  // Marked with the old room's id: a phone offline now, holding changes the copy lacks, writes them onto the copy when
  // it joins it with the new invitation (src/app/renewal-carry.ts).
  const restored = await deps.restoreCollective(old.exportCollective(), id)
  // 'invalidExport' cannot come from our own export unless the document is damaged beyond its "to check" records.
  if (!restored.ok) return err('storageUnavailable')
  const newId = restored.value
  const copy = await deps.openCollective(newId)
  if (copy === null) {
    await deps.forgetCollective(newId)
    return err('storageUnavailable')
  }
  await copy.setMe(me.familyId, me.adultId)
  if (!(await whenOnRelay(copy, deps.copyTimeoutMs))) {
    // Nothing points to the copy yet: removing it lets the member simply try again later.
    await deps.forgetCollective(newId)
    return err('notSynced')
  }

  const answer = await requestRenewalWithRetries(deps, id, secret)
  // A lost 204: the relay froze the old room (it tells connected phones at once) but its answer never came.
  if (answer === 'renewed' || (await whenMoved(old, MOVED_WAIT_MS))) {
    await deps.retireCollective(id, newId)
    return ok(newId)
  }
  if (answer === 'refused') {
    // A definite refusal: the old room stays the collective. Nobody else knows the copy: it is
    // renewed in turn (the relay deletes it at once) and removed
    // from this phone, so a later try does not leave two collectives side by side.
    const copySecret = await deps.secretOf(newId)
    if (copySecret !== null) await requestRenewal(deps, newId, copySecret)
    await deps.forgetCollective(newId)
    return err('relayRefused')
  }
  // No answer: the relay may have renewed without saying so. The copy is kept: if the old link
  // says "renouvelé", its invitation is the only way into the collective.
  return err('relayUnreachable')
}

const onRelay = (status: SyncStatus): boolean =>
  status.local === 'saved' && status.connection === 'online' && status.pending === 0 && status.relayConfirmed

/**
 * Resolves with `decide(status)` as soon as it says true or false (undefined: keep waiting), or
 * false after `timeoutMs`; the subscription and timer go either way.
 */
const whenStatus = (session: CollectiveSession, decide: (status: SyncStatus) => boolean | undefined, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    let unsubscribe = (): void => {}
    const finish = (value: boolean): void => {
      clearTimeout(timer)
      unsubscribe()
      resolve(value)
    }
    const check = (status: SyncStatus): void => {
      const decided = decide(status)
      if (decided !== undefined) finish(decided)
    }
    const timer = setTimeout(() => finish(false), timeoutMs)
    unsubscribe = session.status.subscribe(check)
    check(session.status.get())
  })

/** True once the relay durably holds everything the session holds; false on refusal or after `timeoutMs`. */
export const whenOnRelay = (session: CollectiveSession, timeoutMs: number): Promise<boolean> =>
  whenStatus(session, (status) => (onRelay(status) ? true : status.connection === 'refused' || status.local === 'error' ? false : undefined), timeoutMs)

export type RenewalAnswer = 'renewed' | 'refused' | 'unreachable'
type RequestDeps = Pick<RenewDeps, 'fetch' | 'relayUrl' | 'retryDelaysMs'>

/** How long to wait for the old room's "moved" message after a renewal request went unanswered. */
const MOVED_WAIT_MS = 1_000

/**
 * POST /renew/<old room> (or /archive/<room>) with its token in a header (never in the URL): 204 means the room is
 * read-only.
 */
const requestRenewal = async (deps: RequestDeps, id: RoomId, secret: InviteSecret, prefix = RENEW_PATH_PREFIX): Promise<RenewalAnswer> => {
  try {
    const token = await deriveRoomToken(id, secret)
    const response = await deps.fetch(renewUrl(deps.relayUrl, id, prefix), { method: 'POST', headers: { [TOKEN_HEADER]: token } })
    if (response.status === 204) return 'renewed'
    // 429 (too many requests from a school's shared address) and 5xx say nothing about the room.
    return response.status >= 500 || response.status === 429 ? 'unreachable' : 'refused'
  } catch {
    return 'unreachable'
  }
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Renewal is idempotent on the relay, so asking again after a network error, a 429 or a 5xx is
 * safe; another 4xx is final. 'unreachable' when no try got a definite answer.
 */
export const requestRenewalWithRetries = async (
  deps: RequestDeps, id: RoomId, secret: InviteSecret, prefix = RENEW_PATH_PREFIX,
): Promise<RenewalAnswer> => {
  for (const delay of [0, ...deps.retryDelaysMs]) {
    if (delay > 0) await wait(delay)
    const answer = await requestRenewal(deps, id, secret, prefix)
    if (answer !== 'unreachable') return answer
  }
  return 'unreachable'
}

/** True once the session's relay says the room moved (within `timeoutMs`). */
export const whenMoved = (session: CollectiveSession, timeoutMs: number): Promise<boolean> =>
  whenStatus(session, (status) => (status.moved ? true : undefined), timeoutMs)
