// One open collective: its Y.Doc wired to IndexedDB (storage) and the relay (sync), exposed as a CollectiveSession.
import * as Y from 'yjs'
import type { CollectiveProfile } from '../domain/collective.ts'
import { bindSealKey } from '../doc/codec.ts'
import { migrateDocument, sealPlainPersonalValues } from '../doc/migrations.ts'
import * as edit from '../doc/mutations.ts'
import { ChangeOrigin } from '../doc/keys.ts'
import { readCollective } from '../doc/read.ts'
import { cleanUpPastYear } from '../doc/year-cleanup.ts'
import { deriveRoomToken, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { deriveSealKey } from '../lib/seal.ts'
import { createStore } from '../lib/store.ts'
import { removesRecord } from '../storage/doc-compaction.ts'
import { bindDocPersistence, docDatabaseName, type LocalSaveState } from '../storage/doc-persistence.ts'
import type { OutboxRows } from '../storage/device-db.ts'
import { createRelayConnection, type ConnectionStatus } from '../sync/relay-connection.ts'
import type { CollectiveSession, CollectiveView, SyncStatus } from './api.ts'
import type { ResolvedEnv } from './env.ts'
import { createCommands } from './commands.ts'
import type { ErrorChannel } from './errors.ts'
import { loadIdentity, type IdentityStorage } from './identity.ts'
import { buildInviteUrl } from './invite.ts'

export interface SessionOptions {
  readonly roomId: RoomId
  readonly secret: InviteSecret
  readonly env: ResolvedEnv
  readonly outbox: OutboxRows
  readonly errors: ErrorChannel
  /** Device identity in this collective (actor id, my family and adult). */
  readonly identity: IdentityStorage
  /** Only when this phone creates the collective: a joining phone waits for the relay's profile. */
  readonly initialProfile?: CollectiveProfile
  /** Called when the document's collective name changes (to refresh the cached name in the switcher). */
  readonly onNameChange?: (name: string) => void
  /** The device already knows the collective moved (renewed elsewhere): said before any connection. */
  readonly knownMoved?: boolean
  /** Called once when the relay first says the collective moved, to remember it on the device. */
  readonly onMoved?: () => void
  readonly onDestroy?: () => void
}

export const openSession = async (options: SessionOptions): Promise<CollectiveSession> => {
  const { roomId, env, errors } = options
  const token = await deriveRoomToken(roomId, options.secret)
  // The key that seals personal fields: derived here, kept in memory beside the doc, never stored nor sent.
  const sealKey = await deriveSealKey(roomId, options.secret)
  const identity = await loadIdentity(options.identity, (error) => errors.report('device.identity', error, 'storageUnavailable'))
  const doc = new Y.Doc()
  // Bound before anything is loaded, read or written: no personal value is ever written in clear.
  bindSealKey(doc, sealKey)
  const persistence = bindDocPersistence(doc, docDatabaseName(env.namespace, roomId))
  const connection = createRelayConnection({
    doc,
    relayUrl: env.relayUrl,
    roomId,
    token,
    outbox: options.outbox,
    foreignOrigins: [persistence.origin],
    WebSocket: env.WebSocket,
    windowEvents: env.windowEvents,
    isBrowserOnline: env.isBrowserOnline,
    disableBroadcastChannel: env.disableBroadcastChannel,
    now: env.now,
    random: env.random,
    onError: (error) => errors.report('sync.outbox', error),
    initiallyMoved: options.knownMoved,
  })
  let destroyed = false
  // Erasure (issue 6): a removed family, adult or child (Origin.removeFamily/removeAdult/removeChild here, or the
  // same removal synced from another phone) deletes a nested map; the stored log is then rewritten as one state.
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    if (removesRecord(transaction)) void persistence.compact()
  })
  // After the connection is wired, so the outbox counts this first change too.
  if (options.initialProfile) edit.initCollective(doc, options.initialProfile)

  const view = createStore<CollectiveView>(readCollective(doc))
  const refreshView = (): void => {
    showView(readCollective(doc))
  }
  const showView = (next: CollectiveView): void => {
    const previousName = view.get().profile?.name
    view.set(next)
    if (next.profile && next.profile.name !== previousName) options.onNameChange?.(next.profile.name)
  }
  // A change from outside (the disk, the relay) may bring back a record a new school year deleted (an offline
  // phone rewrote it): it is deleted again right after this update, and that deletion's own update (a local
  // origin, never cleaned up again) shows the view, so a screen never shows the old record.
  const onUpdate = (_update: Uint8Array, origin: unknown): void => {
    const next = readCollective(doc)
    if (!(origin instanceof ChangeOrigin) && cleanUpPastYear(doc, next) > 0) {
      void persistence.compact()
      return
    }
    showView(next)
  }
  doc.on('update', onUpdate)
  // Sealing rewrites plain values; the old plain text would stay in the phone's update log until a trim.
  const sealAndCompact = (): void => {
    if (sealPlainPersonalValues(doc) > 0) void persistence.compact()
  }
  let loaded = false
  void persistence.whenLoaded.then(() => {
    if (destroyed) return
    loaded = true
    if (migrateDocument(doc) === 'newerSchema') errors.report('doc.schema', new Error('newer schema'))
    sealAndCompact()
    refreshView()
    sealAfterFirstSync()
  })
  // Again once the relay's copy has arrived: values written in clear by an older app are sealed then.
  let sealedAfterSync = false
  const sealAfterFirstSync = (): void => {
    if (destroyed || sealedAfterSync || !loaded || connection.status.get().connection !== 'online') return
    sealedAfterSync = true
    sealAndCompact()
  }

  const status = createStore<SyncStatus>(combine(persistence.state.get(), connection.status.get()))
  let movedRemembered = options.knownMoved ?? false
  const refreshStatus = (): void => {
    status.set(combine(persistence.state.get(), connection.status.get()))
    sealAfterFirstSync()
    if (!movedRemembered && connection.status.get().moved) {
      movedRemembered = true
      options.onMoved?.()
    }
  }
  const unsubscribes = [persistence.state.subscribe(refreshStatus), connection.status.subscribe(refreshStatus)]

  return {
    id: roomId,
    view,
    status,
    inviteUrl: buildInviteUrl(env.origin, { roomId, secret: options.secret }),
    me: identity.me,
    setMe: identity.setMe,
    ...createCommands({ doc, view, me: identity.me, now: env.now }),
    destroy() {
      if (destroyed) return
      destroyed = true
      for (const unsubscribe of unsubscribes) unsubscribe()
      doc.off('update', onUpdate)
      connection.destroy()
      persistence.destroy()
      doc.destroy()
      options.onDestroy?.()
    },
  }
}

const combine = (local: LocalSaveState, remote: ConnectionStatus): SyncStatus => ({
  local: local.local,
  storageError: local.storageError,
  connection: remote.connection,
  pending: remote.pending,
  offlineSince: remote.offlineSince,
  relayConfirmed: remote.relayConfirmed,
  moved: remote.moved,
})
