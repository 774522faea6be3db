// Document generations (issue 14): archiving a collective's room and following the collective to its successor room.
//
// A live document holds one school year. At a new school year (or to move a collective written by an older version
// to the current layout) a member's phone writes what the successor keeps into the document, waits until the relay
// holds it, and asks the relay to archive the room (POST /archive): the room is frozen as it is, kept read-only as
// the year's archive, and every connected phone is told (MESSAGE_ROOM_ARCHIVED). Each phone then follows: it reads
// the archive's final state from the relay, derives the successor room from the invite secret it already has (no
// new link), and joins the successor once the relay holds it whole (marked by its builder); the archiving phone is
// the builder (named in the request), so the successor is built once, and any phone builds it if no whole build
// arrived TAKEOVER_MS after the request. Then it writes on it the changes it still waited to send (sealed again
// under the successor's key). The archive stays on the phone.
import * as Y from 'yjs'
import { bindSealKey } from '../doc/codec.ts'
import { isGenerationComplete, readNextGeneration } from '../doc/read-year.ts'
import { changedPlaces, unsentChanges, unsentDeletions, writePlaces, type ValueCopy } from '../doc/rebuild.ts'
import { buildSuccessorDoc, InvalidArchiveError } from '../doc/successor.ts'
import { localDate } from '../domain/dates.ts'
import { nextGenerationOf, TAKEOVER_MS, type NextGeneration, type NextGenerationRequest } from '../domain/year/next-generation.ts'
import type { ActorId } from '../domain/ids.ts'
import { deriveRoomToken, deriveSuccessorRoomId, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { ARCHIVE_PATH_PREFIX, CloseCode } from '../lib/relay-protocol.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { deriveSealKey, isSealed, openText, sealText, type SealKey } from '../lib/seal.ts'
import type { CollectiveRow, DeviceStore } from '../storage/device-db.ts'
import { docDatabaseName, replaceStoredDocument } from '../storage/doc-persistence.ts'
import { fetchRelayCopy, RelayCopyRefused } from '../sync/relay-copy.ts'
import type { CollectiveSession, GenerationError } from './api.ts'
import type { ResolvedEnv } from './env.ts'
import { requestRenewalWithRetries, whenOnRelay } from './renew.ts'
import type { ArchivedHandoff } from './session.ts'

export interface GenerationDeps {
  readonly env: Pick<ResolvedEnv, 'namespace' | 'relayUrl' | 'WebSocket' | 'now' | 'fetch' | 'renewCopyTimeoutMs' | 'renewRetryDelaysMs'>
  readonly device: Pick<DeviceStore, 'getCollective' | 'putCollective' | 'updateCollective' | 'outbox'>
  readonly openCollective: (id: RoomId) => Promise<CollectiveSession | null>
  /** followSuccessor, once per collective at a time (the services' own: the session's handoff may come first). */
  readonly follow: (id: RoomId) => Promise<Result<RoomId, GenerationError>>
}

/** An archived document without a readable request: its successor keeps everything (no record is ever lost). */
const KEEP_EVERYTHING: NextGeneration = {
  startsOn: localDate('1970-01-01'), removeChildIds: [], archiveLabel: '1970-1971', reason: 'layout', requestedAt: 0,
}

/**
 * Archives collective `id` and follows it to its successor (see the file comment); resolves with the successor's id.
 * Nothing is archived unless this phone is online with nothing waiting, and the request is on the relay.
 */
export const startNewGeneration = async (
  deps: GenerationDeps, id: RoomId, request: NextGenerationRequest,
): Promise<Result<RoomId, GenerationError>> => {
  const row = await deps.device.getCollective(id)
  const session = await deps.openCollective(id)
  if (row === null || session === null) return err('storageUnavailable')
  if (row.successorId !== undefined) return ok(row.successorId)
  const status = session.status.get()
  if (status.connection !== 'online') return err('offline')
  if (!status.archived) {
    if (status.moved) return err('relayRefused')
    if (status.pending > 0 || status.local !== 'saved') return err('notSynced')
    const marked = session.markNextGeneration(nextGenerationOf(request, deps.env.now(), session.me.get().actorId))
    if (!marked.ok) return err(marked.error === 'invalidRequest' ? 'invalidRequest' : 'storageUnavailable')
    if (!(await whenOnRelay(session, deps.env.renewCopyTimeoutMs))) return err('notSynced')
    const answer = await requestRenewalWithRetries(
      { fetch: deps.env.fetch, relayUrl: deps.env.relayUrl, retryDelaysMs: deps.env.renewRetryDelaysMs }, id, row.secret, ARCHIVE_PATH_PREFIX)
    if (answer === 'refused') return err('relayRefused')
    if (answer === 'unreachable') return err('relayUnreachable')
  }
  const followed = await deps.follow(id)
  // The room is archived now: whatever went wrong, this phone moves on at its next connection (never "refused").
  return followed.ok || followed.error === 'storageUnavailable' ? followed : err('relayUnreachable')
}

/**
 * Follows archived collective `id` to its successor (idempotent: a phone that holds it already just answers its id).
 * `handoff`: this phone's copy of the archived room and its waiting changes, written again on the successor.
 */
export const followSuccessor = async (
  deps: Omit<GenerationDeps, 'follow' | 'openCollective'>, id: RoomId, handoff: ArchivedHandoff | null,
): Promise<Result<RoomId, GenerationError>> => {
  const row = await deps.device.getCollective(id)
  if (row === null) return err('storageUnavailable')
  if (row.successorId !== undefined) return ok(row.successorId)
  const successorId = await deriveSuccessorRoomId(row.id, row.secret)
  const keys = { archive: await deriveSealKey(row.id, row.secret), successor: await deriveSealKey(successorId, row.secret) }
  let successor: Y.Doc
  let next: NextGeneration
  try {
    const archive = await relayCopy(deps, row.id, row.secret, keys.archive)
    try {
      next = readNextGeneration(archive) ?? KEEP_EVERYTHING
      const built = await successorOnRelay(deps, successorId, row.secret, keys.successor, next, row.actorId)
      if (built === null) return err('notBuiltYet')
      successor = built === 'build' ? buildSuccessorDoc(archive, next, keys.successor, deps.env.now()) : built
      if (handoff !== null) carryOver(handoff, archive, successor, resealing(keys.archive, keys.successor))
    } finally {
      archive.destroy()
    }
  } catch (error) {
    if (error instanceof InvalidArchiveError) return err('relayRefused')
    // A refusal about this phone's address (4429, a school's shared connection) says nothing about the rooms.
    if (error instanceof RelayCopyRefused && error.code !== CloseCode.tooManyRequests) return err('relayRefused')
    if (error instanceof RelayCopyRefused || isNetworkError(error)) return err('relayUnreachable')
    throw error
  }
  try {
    await replaceStoredDocument(docDatabaseName(deps.env.namespace, successorId), Y.encodeStateAsUpdate(successor))
    await deps.device.putCollective(successorRow(row, successorId))
    await deps.device.updateCollective(row.id, { successorId, archivedAt: deps.env.now(), archiveLabel: next.archiveLabel })
    // What waited here is on the successor now; the archive never sends anything again.
    await deps.device.outbox(row.id).replaceAll([])
  } catch {
    return err('storageUnavailable')
  } finally {
    successor.destroy()
  }
  return ok(successorId)
}

const keyedDoc = (key: SealKey): Y.Doc => {
  const doc = new Y.Doc()
  bindSealKey(doc, key)
  return doc
}

/** The relay's copy of a room (the archive's final state: the relay accepts nothing more in it). */
const relayCopy = async (deps: Pick<GenerationDeps, 'env'>, roomId: RoomId, secret: InviteSecret, key: SealKey): Promise<Y.Doc> => {
  const doc = keyedDoc(key)
  try {
    await fetchRelayCopy(doc, { relayUrl: deps.env.relayUrl, roomId, token: await deriveRoomToken(roomId, secret), WebSocket: deps.env.WebSocket })
  } catch (error) {
    doc.destroy()
    throw error
  }
  return doc
}

/**
 * The successor as the relay holds it once its builder marked it whole; 'build' when this phone is to build it (the
 * builder, or anyone TAKEOVER_MS after the request); null while another phone's build is awaited.
 */
const successorOnRelay = async (
  deps: Pick<GenerationDeps, 'env'>, roomId: RoomId, secret: InviteSecret, key: SealKey, next: NextGeneration, me: ActorId | undefined,
): Promise<Y.Doc | 'build' | null> => {
  let existing: Y.Doc | null = null
  try {
    existing = await relayCopy(deps, roomId, secret, key)
  } catch (error) {
    if (!(error instanceof RelayCopyRefused && error.code === CloseCode.unknownRoom)) throw error
  }
  if (existing !== null && isGenerationComplete(existing)) return existing
  existing?.destroy()
  const mayBuild = next.builder === undefined || next.builder === me || deps.env.now() - next.requestedAt >= TAKEOVER_MS
  return mayBuild ? 'build' : null
}

/** What this phone wrote that the archive does not hold: written again on the successor, deletions included. */
const carryOver = (handoff: ArchivedHandoff, archive: Y.Doc, successor: Y.Doc, copy: ValueCopy): void => {
  const waiting = [...handoff.pending, ...unsentChanges(handoff.doc, archive, null)]
  const places = [...changedPlaces(handoff.doc, waiting), ...unsentDeletions(handoff.doc, archive)]
  // The build was written under this phone's client id too: what follows is a change of its own, never a rewrite.
  successor.clientID = randomClientId()
  writePlaces(handoff.doc, successor, places, copy)
}

const randomClientId = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 1

/** A socket or fetch failure (the relay or the network), as opposed to a bug. */
const isNetworkError = (error: unknown): boolean => error instanceof Error && /^relay copy:|fetch|network/i.test(error.message)

/** Personal values are sealed per room: a waiting change's values are opened with the archive's key, sealed again. */
export const resealing = (from: SealKey, to: SealKey): ValueCopy => (context, value) => {
  if (!isSealed(value)) return value
  const opened = openText(from, context, value)
  return opened.ok ? sealText(to, context, opened.value) : value
}

/** The successor on this phone: same secret and identity as the archive's (the same link still leads there). */
const successorRow = (row: CollectiveRow, successorId: RoomId): CollectiveRow => ({
  id: successorId,
  secret: row.secret,
  name: row.name,
  joinedAt: row.joinedAt,
  ...(row.actorId === undefined ? {} : { actorId: row.actorId }),
  myFamilyId: row.myFamilyId ?? null,
  myAdultId: row.myAdultId ?? null,
})
