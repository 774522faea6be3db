// Following a collective to its next generation: the move to the successor room (once at a time, retried while the
// archive is open) and the move a live document due for one starts on its own once this phone is in sync.
import { err, type Result } from '../lib/result.ts'
import type { RoomId } from '../lib/credentials.ts'
import type { CollectiveRow, DeviceStore } from '../storage/device-db.ts'
import type { CollectiveSession, GenerationError } from './api.ts'
import type { ResolvedEnv } from './env.ts'
import type { ErrorChannel } from './errors.ts'
import type { followSuccessor, GenerationDeps } from './generation.ts'
import type { SessionRuntime } from './session-runtime-loader.ts'

/** After a failed move to the successor (relay unreachable, storage, no build yet), the first wait, and the longest. */
const FOLLOW_RETRY_MS = 3_000
const FOLLOW_RETRY_MAX_MS = 15 * 60_000
/** After a relay refused to archive for the layout move (an older relay), how long before a phone asks again. */
const LAYOUT_MOVE_PAUSE_MS = 7 * 24 * 3_600_000

type Handoff = Parameters<typeof followSuccessor>[2]

export interface SuccessionDeps {
  readonly env: ResolvedEnv
  readonly device: DeviceStore
  readonly errors: ErrorChannel
  readonly runtime: () => Promise<SessionRuntime>
  /** Whether the session of `id` is open on this phone (a retry waits for it). */
  isOpen(id: RoomId): boolean
  /** The open session's copy and waiting changes, for a move started without one. */
  handoffOf(id: RoomId): Handoff
  openCollective(id: RoomId): Promise<CollectiveSession | null>
  /** Once `id` is followed to `successorId`: the switcher and the archive's page learn it. */
  followed(id: RoomId, successorId: RoomId): Promise<void>
}

export interface Succession {
  /** Follows archived collective `id` to its successor, once at a time. */
  follow(id: RoomId, handoff: Handoff): Promise<Result<RoomId, GenerationError>>
  /** Starts the move of a live document due for one, once per session, when first in sync; returns its unsubscribe. */
  moveWhenDue(session: CollectiveSession, row: CollectiveRow, code: SessionRuntime): () => void
  readonly generationDeps: () => GenerationDeps
  destroy(): void
}

export const createSuccession = (deps: SuccessionDeps): Succession => {
  const { env, device, errors } = deps
  const following = new Map<RoomId, Promise<Result<RoomId, GenerationError>>>()
  const retries = new Map<RoomId, ReturnType<typeof setTimeout>>()
  const attempts = new Map<RoomId, number>()
  let destroyed = false

  const generationDeps = (): GenerationDeps => ({
    env, device, openCollective: (id) => deps.openCollective(id), follow: (id) => follow(id, null),
  })

  const follow = (id: RoomId, handoff: Handoff): Promise<Result<RoomId, GenerationError>> => {
    const running = following.get(id)
    if (running) return running
    // Without one given (a move started on this phone), the open session's copy and waiting changes.
    const given = handoff ?? deps.handoffOf(id)
    const moving = deps.runtime().then((code) => code.followSuccessor(generationDeps(), id, given))
    const started = moving.then(async (result) => {
      following.delete(id)
      if (!result.ok) {
        retry(id, result.error)
        return result
      }
      attempts.delete(id)
      // Opened at once: a successor this phone built goes to the relay now, for the phones waiting for it.
      void deps.openCollective(result.value)
      await deps.followed(id, result.value)
      return result
    }, (error: unknown) => {
      following.delete(id)
      errors.report('generation.follow', error)
      return err<GenerationError>('storageUnavailable')
    })
    following.set(id, started)
    return started
  }

  /**
   * A follow that failed for want of the relay, of storage or of the builder's successor is tried again while the
   * archive's session is open, each wait twice the last (FOLLOW_RETRY_MS to FOLLOW_RETRY_MAX_MS): every try downloads
   * the archive and the successor again.
   */
  const retry = (id: RoomId, error: GenerationError): void => {
    const passing: readonly GenerationError[] = ['relayUnreachable', 'storageUnavailable', 'notBuiltYet']
    if (destroyed || !passing.includes(error) || !deps.isOpen(id) || retries.has(id)) return
    const attempt = attempts.get(id) ?? 0
    attempts.set(id, attempt + 1)
    const timer = setTimeout(() => {
      retries.delete(id)
      if (!destroyed && deps.isOpen(id)) void follow(id, null)
    }, Math.min(FOLLOW_RETRY_MS * 2 ** attempt, FOLLOW_RETRY_MAX_MS))
    retries.set(id, timer)
  }

  /**
   * A live document due for a new generation (src/domain/year/next-generation.ts, dueGeneration: written before 0.2.0,
   * or still holding an earlier school year) moves once this phone holds all the relay holds: the current school year
   * goes on in the successor, the old room is its archive (nothing lost). Looked at once per session, when first
   * synced (not at every change: the plan reads every record); a relay that cannot archive (an older one) leaves it
   * as it is, and is not asked again for LAYOUT_MOVE_PAUSE_MS.
   */
  const moveWhenDue = (session: CollectiveSession, row: CollectiveRow, code: SessionRuntime): (() => void) => {
    const { dueGeneration, startNewGeneration } = code
    if (row.successorId !== undefined || row.archivedAt !== undefined) return () => {}
    const refusedAt = row.layoutMoveRefusedAt
    if (refusedAt !== undefined && env.now() - refusedAt < LAYOUT_MOVE_PAUSE_MS) return () => {}
    let tried = false
    const check = (): void => {
      const status = session.status.get()
      const view = session.view.get()
      const synced = status.connection === 'online' && status.relayConfirmed && status.pending === 0
        && status.local === 'saved'
      if (tried || !synced || status.moved || status.archived || view.profile === null) return
      tried = true
      const request = dueGeneration(view, view.schemaVersion, env.now())
      if (request === null) return
      startNewGeneration(generationDeps(), row.id, request).then(async (result) => {
        // Refused (a relay without archives): not asked again for a while, so the document does not grow a request
        // at each opening.
        if (!result.ok && result.error === 'relayRefused') {
          await device.updateCollective(row.id, { layoutMoveRefusedAt: env.now() })
        }
      }).catch((error: unknown) => errors.report('generation.layout', error))
    }
    const unsubscribes = [session.status.subscribe(check), session.view.subscribe(check)]
    check()
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
  }

  return {
    follow,
    moveWhenDue,
    generationDeps,
    destroy() {
      destroyed = true
      for (const timer of retries.values()) clearTimeout(timer)
      retries.clear()
    },
  }
}
