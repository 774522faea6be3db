// One open collective: its Y.Doc wired to IndexedDB (storage) and the relay (sync), exposed as a CollectiveSession.
// The document and its wiring form a "core" that can be replaced under the same session: when the relay holds
// other content under ids this phone wrote (a forged write, MESSAGE_REFUSED conflict), the copy is rebuilt from
// the relay's with this phone's waiting changes written again (src/doc/rebuild.ts), and screens go on as before.
import * as Y from 'yjs'
import type { NewCollective } from '../domain/collective.ts'
import { bindSealKey } from '../doc/codec.ts'
import { migrateDocument, sealPlainPersonalValues } from '../doc/migrations.ts'
import * as edit from '../doc/mutations.ts'
import { ChangeOrigin } from '../doc/keys.ts'
import { readCollective } from '../doc/read.ts'
import { liveCollective } from '../doc/read-live.ts'
import { changedPlaces, unsentChanges, writePlaces } from '../doc/rebuild.ts'
import { readRenewedFrom } from '../doc/renewal.ts'
import { cleanUpPastYear } from '../doc/year-cleanup.ts'
import { eraseAfterDayOrWithdrawal } from './erasure.ts'
import { deriveRoomToken, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { deriveSealKey, type SealKey } from '../lib/seal.ts'
import { createStore, type ReadableStore } from '../lib/store.ts'
import { removesPersonalValue } from '../storage/doc-compaction.ts'
import { FLAT_PERSONAL_MAPS } from '../doc/record-kinds.ts'
import { bindDocPersistence, docDatabaseName, replaceStoredDocument, type LocalSaveState } from '../storage/doc-persistence.ts'
import type { OutboxRows } from '../storage/device-db.ts'
import { fetchRelayCopy } from '../sync/relay-copy.ts'
import { createRelayConnection, type ConnectionStatus, type RelayConnection } from '../sync/relay-connection.ts'
import { createTabChannel } from '../sync/tab-channel.ts'
import type { CollectiveSession, CollectiveView, GenerationState, SyncStatus } from './api.ts'
import type { ExportCommands } from './api-commands.ts'
import type { ResolvedEnv } from './env.ts'
import { whenIdle } from './idle.ts'
import { createCommands, type SessionCommands } from './commands.ts'
import type { ErrorChannel } from './errors.ts'
import { loadIdentity, type IdentityStorage } from './identity.ts'
import { createActing } from './acting.ts'
import type { RenewalWrite } from './renewal-carry.ts'
import { createInvitation, listInvitations, revokeInvitation } from './invitations.ts'
import { createPartnerLinks } from './partner-links.ts'

export interface SessionOptions {
  readonly roomId: RoomId
  readonly secret: InviteSecret
  readonly env: ResolvedEnv
  readonly outbox: OutboxRows
  readonly errors: ErrorChannel
  /** Device identity in this collective (actor id, my family and adult). */
  readonly identity: IdentityStorage
  /** Only when this phone creates the collective: a joining phone waits for the relay's profile and settings. */
  readonly created?: NewCollective
  /** Called when the document's collective name changes (to refresh the cached name in the switcher). */
  readonly onNameChange?: (name: string) => void
  /** The device already knows the collective moved (renewed elsewhere): said before any connection. */
  readonly knownMoved?: boolean
  /** Called once when the relay first says the collective moved, to remember it on the device. */
  readonly onMoved?: () => void
  /** The device already knows this room is an archive: said before any connection (and no handoff is made). */
  readonly knownArchived?: boolean
  /**
   * Called once when the relay first says this room is archived (issue 14), once the stored copy is loaded: this
   * phone's document and the changes it still waits to send, for src/app/generation.ts to carry to the successor.
   */
  readonly onArchived?: (handoff: ArchivedHandoff) => void
  /**
   * Receives, once, how to take this session's handoff at any time (a move started here needs it before 104 comes),
   * and how to wait until it holds every waiting change (the stored ones are loaded).
   */
  readonly provideHandoff?: (take: () => ArchivedHandoff | null, whenComplete: () => Promise<void>) => void
  /** Where the collective stands among its generations; kept by the services (the device knows the successor). */
  readonly generation?: ReadableStore<GenerationState>
  readonly onDestroy?: () => void
  /**
   * Called once per session when the document says it is a renewal's copy of `previous` (src/doc/renewal.ts), with a
   * way to write onto it what this phone still waited to send there (src/app/renewal-carry.ts).
   */
  readonly onRenewedFrom?: (previous: RoomId, write: RenewalWrite) => void
}

/** What an archived room's session hands over to its successor: the phone's copy, and its changes not yet stored. */
export interface ArchivedHandoff {
  readonly doc: Y.Doc
  readonly pending: readonly Uint8Array[]
}

/** A document and what binds it: phone storage, relay connection (null while a rebuilt copy is stored), commands. */
interface Core {
  readonly doc: Y.Doc
  readonly connection: RelayConnection | null
  readonly commands: SessionCommands
  readonly status: () => SyncStatus
  destroy(): void
}

/** After a failed rebuild (relay unreachable), the next attempt. */
const REBUILD_RETRY_MS = 30_000

export const openSession = async (options: SessionOptions): Promise<CollectiveSession> => {
  const { roomId, env, errors } = options
  const token = await deriveRoomToken(roomId, options.secret)
  // The key that seals personal fields: derived here, kept in memory beside the doc, never stored nor sent.
  const sealKey = await deriveSealKey(roomId, options.secret)
  const identity = await loadIdentity(options.identity, (error) => errors.report('device.identity', error, 'storageUnavailable'))
  const databaseName = docDatabaseName(env.namespace, roomId)
  let destroyed = false

  const invitationDeps = { relayUrl: env.relayUrl, origin: env.origin, fetch: env.fetch }
  const firstDoc = newDoc(sealKey)
  const view = createStore<CollectiveView>(readCollective(firstDoc))
  // Acting for a family without a smartphone (issue 18): `me` is that family until "Terminer" or a reload.
  const acting = createActing(identity.me, view)
  const showView = (next: CollectiveView): void => {
    const previousName = view.get().profile?.name
    view.set(next)
    if (next.profile && next.profile.name !== previousName) options.onNameChange?.(next.profile.name)
  }
  let core: Core | null = null
  // Read-only partner links (issue 18): published from this phone while the collective is open and writable.
  const partners = createPartnerLinks({
    relayUrl: env.relayUrl, origin: env.origin, fetch: env.fetch, WebSocket: env.WebSocket, now: env.now, view,
    // The link is made by the member holding the phone, also while it acts for another family.
    familyId: () => identity.me.get().familyId,
    canPublish: () => !status.get().archived && !status.get().moved,
    onError: (error) => errors.report('partners.publish', error),
  })
  const status = createStore<SyncStatus>(initialStatus(options.knownMoved ?? false, options.knownArchived ?? false))
  let movedRemembered = options.knownMoved ?? false
  let archivedHandedOff = options.knownArchived ?? false
  const refreshStatus = (): void => {
    if (!core) return
    status.set(core.status())
    if (!movedRemembered && status.get().moved) {
      movedRemembered = true
      options.onMoved?.()
    }
    if (!archivedHandedOff && status.get().archived && status.get().local !== 'loading' && core.connection) {
      archivedHandedOff = true
      options.onArchived?.({ doc: core.doc, pending: core.connection.pendingChanges() })
    }
    if (status.get().diverged) void rebuild()
  }

  let renewalNoticed = false
  const noticeRenewal = (doc: Y.Doc): void => {
    if (renewalNoticed || options.onRenewedFrom === undefined) return
    const previous = readRenewedFrom(doc)
    if (previous === null) return
    renewalNoticed = true
    options.onRenewedFrom(previous, (from, places, copy) => {
      if (core && !destroyed) writePlaces(from, core.doc, places, copy)
    })
  }

  const openCore = (doc: Y.Doc, fresh: boolean): Core => {
    const persistence = bindDocPersistence(doc, databaseName)
    // Other tabs of this phone: their changes arrive here as they are made, offline too (src/sync/tab-channel.ts).
    const tabs = env.disableBroadcastChannel ? null : createTabChannel(doc, `pedibus:${roomId}`, {
      ready: persistence.whenLoaded,
      onError: (error) => errors.report('sync.tabs', error),
    })
    const connection = createRelayConnection({
      doc,
      relayUrl: env.relayUrl,
      roomId,
      token,
      outbox: options.outbox,
      // The other tabs' changes are theirs to send: each tab keeps its own waiting changes.
      foreignOrigins: [persistence.origin, ...(tabs === null ? [] : [tabs.origin])],
      // Before the stored copy is loaded, the relay would send this phone everything its disk is about to give it.
      ready: persistence.whenLoaded,
      WebSocket: env.WebSocket,
      windowEvents: env.windowEvents,
      isBrowserOnline: env.isBrowserOnline,
      now: env.now,
      random: env.random,
      onError: (error) => errors.report('sync.outbox', error),
      initiallyMoved: status.get().moved,
      initiallyArchived: status.get().archived,
    })
    // Erasure (issues 6 and 16): a removed family, adult or child deletes a nested map, a corrected or emptied
    // personal field deletes its sealed value (here, or the same change synced from another phone); the stored log is
    // then rewritten as one state, and waiting changes forget their bytes.
    const onRemoval = (transaction: Y.Transaction): void => {
      if (!removesPersonalValue(transaction, FLAT_PERSONAL_MAPS)) return
      void persistence.compact()
      connection.forgetPendingContents()
    }
    doc.on('beforeObserverCalls', onRemoval)
    partners.attach(doc)
    // The view after each change reads again only the kinds whose maps the change touched (src/doc/read-live.ts).
    const live = liveCollective(doc)
    // A change from outside (the disk, the relay) may bring back a record a new school year deleted (an offline
    // phone rewrote it): it is deleted again right after this update, and that deletion's own update (a local
    // origin, never cleaned up again) shows the view, so a screen never shows the old record.
    const cleanUpOrShow = (fromOutside: boolean): void => {
      if (fromOutside) noticeRenewal(doc)
      const next = live.read()
      // Likewise guests' first names once the walk's day is over, and a support note left under a withdrawn agreement
      // (issue 16: src/doc/guest-erasure.ts, src/doc/support-erasure.ts).
      if (fromOutside && cleanUpPastYear(doc, next) + eraseAfterDayOrWithdrawal(doc, env.now()) > 0) {
        void persistence.compact()
        return
      }
      showView(next)
    }
    const onUpdate = (_update: Uint8Array, origin: unknown): void => cleanUpOrShow(!(origin instanceof ChangeOrigin))
    doc.on('update', onUpdate)
    // Sealing rewrites plain values; the old plain text would stay in the phone's update log until a trim.
    const sealAndCompact = (): void => {
      if (sealPlainPersonalValues(doc) === 0) return
      void persistence.compact()
      connection.forgetPendingContents()
    }
    let loaded = false
    // Until the stored copy is read and its view shown, the session says 'loading' (a screen shows no empty week).
    let shown = fresh
    let sealedAfterSync = false
    let cancelPrepare = (): void => {}
    // Again once the relay's copy has arrived: values written in clear by an older app are sealed then.
    const sealAfterFirstSync = (): void => {
      if (destroyed || sealedAfterSync || !loaded || connection.status.get().connection !== 'online') return
      sealedAfterSync = true
      sealAndCompact()
    }
    void persistence.whenLoaded.then(() => {
      if (destroyed || doc.isDestroyed) return
      loaded = true
      if (migrateDocument(doc) === 'newerSchema') errors.report('doc.schema', new Error('newer schema'))
      sealAndCompact()
      // The load itself emits no update (src/storage/quiet-load.ts): what it brought is cleaned up and shown here.
      cleanUpOrShow(true)
      shown = true
      refreshStatus()
      sealAfterFirstSync()
      // The indexes the first sign-up would build by scanning every entry, once the first screen is drawn.
      cancelPrepare = whenIdle(() => {
        if (!destroyed && !doc.isDestroyed) edit.prepareSignUpWrites(doc)
      })
    })
    const unsubscribes = [
      persistence.state.subscribe(() => refreshStatus()),
      connection.status.subscribe(() => {
        sealAfterFirstSync()
        refreshStatus()
      }),
    ]
    if (fresh) showView(live.read())
    return {
      doc,
      connection,
      commands: createCommands({ doc, view, me: acting.me, acting: acting.acting, now: env.now }),
      status: () => combine(persistence.state.get(), connection.status.get(), shown),
      destroy() {
        for (const unsubscribe of unsubscribes) unsubscribe()
        cancelPrepare()
        doc.off('beforeObserverCalls', onRemoval)
        doc.off('update', onUpdate)
        live.destroy()
        tabs?.destroy()
        connection.destroy()
        persistence.destroy()
      },
    }
  }

  let rebuilding: Promise<void> | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  /** Replaces the diverged copy by the relay's plus this phone's waiting changes (see the file comment). */
  const rebuild = (): Promise<void> => {
    rebuilding ??= rebuildOnce().catch((error: unknown) => {
      errors.report('sync.rebuild', error)
      if (!destroyed) retryTimer ??= setTimeout(() => {
        retryTimer = null
        if (core && status.get().diverged) void rebuild()
      }, REBUILD_RETRY_MS)
    }).finally(() => {
      rebuilding = null
    })
    return rebuilding
  }
  const rebuildOnce = async (): Promise<void> => {
    const old = core
    if (!old || destroyed || !old.connection) return
    const relayCopy = newDoc(sealKey)
    await fetchRelayCopy(relayCopy, { relayUrl: env.relayUrl, roomId, token, WebSocket: env.WebSocket })
    if (destroyed || core !== old) return
    // From here to the new core nothing is lost: the old copy's waiting changes are written on the relay's, and
    // what the user does meanwhile goes to the relay's copy too (a holding core), and is counted as waiting.
    const waiting = [...old.connection.pendingChanges(), ...unsentChanges(old.doc, relayCopy, old.connection.conflictAt())]
    old.destroy()
    const changes: Uint8Array[] = []
    const holding = holdingCore(relayCopy, changes)
    core = holding
    writePlaces(old.doc, relayCopy, changedPlaces(old.doc, waiting))
    showView(readCollective(relayCopy))
    refreshStatus()
    await replaceStoredDocument(databaseName, Y.encodeStateAsUpdate(relayCopy))
    const stored = changes.length
    await options.outbox.replaceAll(changes.slice(0, stored).map((update) => ({ seq: randomSeq(), update })))
    // Changes made while the outbox was written: added one by one, until none is left (no await after that).
    for (let counted = stored; counted < changes.length; counted++) {
      await options.outbox.add(randomSeq(), changes[counted]!)
    }
    holding.destroy()
    old.doc.destroy()
    if (destroyed) return relayCopy.destroy()
    core = openCore(relayCopy, true)
    refreshStatus()
  }

  /** The rebuilt copy before its storage and connection are bound: commands work, and their changes are kept. */
  const holdingCore = (doc: Y.Doc, changes: Uint8Array[]): Core => {
    const live = liveCollective(doc)
    const onUpdate = (update: Uint8Array): void => {
      changes.push(update) // the rebuild's own change too: all of them wait for the relay
      showView(live.read())
    }
    doc.on('update', onUpdate)
    const holdingStatus = { ...status.get(), diverged: true }
    return {
      doc,
      connection: null,
      commands: createCommands({ doc, view, me: acting.me, acting: acting.acting, now: env.now }),
      status: () => ({ ...holdingStatus, pending: changes.length }),
      destroy: () => {
        doc.off('update', onUpdate)
        live.destroy()
      },
    }
  }

  core = openCore(firstDoc, false)
  options.provideHandoff?.(
    () => (core?.connection ? { doc: core.doc, pending: core.connection.pendingChanges() } : null),
    async () => {
      await core?.connection?.started
    },
  )
  // After the connection is wired, so the outbox counts this first change too.
  if (options.created) edit.initCollective(firstDoc, options.created.profile, options.created.calendar)
  refreshStatus()

  const commandsOf = (name: string): SessionCommands => {
    if (!core) throw new Error('session closed') // a bug: commands after destroy
    // A bug too: the archive's screens offer no edit. Written here, a change would wait forever for a frozen room.
    if (status.get().archived && !ARCHIVE_COMMANDS.has(name)) {
      throw new Error(`archived collective: ${name} writes nothing`)
    }
    return core.commands
  }

  return {
    id: roomId,
    view,
    status,
    generation: options.generation ?? createStore<GenerationState>({ archiveLabel: null, successorId: null }),
    createInvitation: (days) => createInvitation(invitationDeps, roomId, options.secret, days),
    listInvitations: () => listInvitations(invitationDeps, roomId, options.secret),
    revokeInvitation: (id) => revokeInvitation(invitationDeps, roomId, options.secret, id),
    partners,
    me: acting.me,
    acting: acting.acting,
    actFor: acting.actFor,
    stopActing: acting.stopActing,
    setMe: identity.setMe,
    welcome: identity.welcome,
    setWelcome: identity.setWelcome,
    ...delegating(commandsOf, core.commands),
    destroy() {
      if (destroyed) return
      destroyed = true
      if (retryTimer !== null) clearTimeout(retryTimer)
      const last = core
      core = null
      partners.destroy()
      last?.destroy()
      last?.doc.destroy()
      options.onDestroy?.()
    },
  }
}

const newDoc = (sealKey: SealKey): Y.Doc => {
  const doc = new Y.Doc()
  // Bound before anything is loaded, read or written: no personal value is ever written in clear.
  bindSealKey(doc, sealKey)
  return doc
}

/** What an archived room (a past school year, read-only) still answers: exports, which read its view. */
const ARCHIVE_COMMANDS: ReadonlySet<string> = new Set<keyof ExportCommands>([
  'exportFamily', 'exportCollective', 'exportRotaCsv',
])

/** The same commands, each calling the current core's: the session outlives a rebuilt document. */
const delegating = (current: (name: string) => SessionCommands, shape: SessionCommands): SessionCommands =>
  Object.fromEntries(Object.keys(shape).map((name) => [
    name,
    (...args: unknown[]) => (current(name)[name as keyof SessionCommands] as (...inner: unknown[]) => unknown)(...args),
  ])) as unknown as SessionCommands

/** Same shape as the sync outbox's row keys (53 random bits). */
const randomSeq = (): number => {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2))
  return (high & 0x1fffff) * 2 ** 32 + low
}

const initialStatus = (moved: boolean, archived: boolean): SyncStatus => ({
  local: 'loading', storageError: null, connection: 'connecting', pending: 0, offlineSince: null, relayConfirmed: false,
  moved, archived, diverged: false, roomFull: false, relayDeletesOn: null,
})

const combine = (local: LocalSaveState, remote: ConnectionStatus, shown: boolean): SyncStatus => ({
  local: shown || local.local === 'error' ? local.local : 'loading',
  storageError: local.storageError,
  connection: remote.connection,
  pending: remote.pending,
  offlineSince: remote.offlineSince,
  relayConfirmed: remote.relayConfirmed,
  moved: remote.moved,
  archived: remote.archived,
  diverged: remote.diverged,
  roomFull: remote.roomFull,
  relayDeletesOn: remote.relayDeletesOn,
})
