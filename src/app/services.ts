// createAppServices: the AppServices contract over Dexie (device-local), per-collective sessions, and one error channel.
import { calendarOfNewCollective, NewCollectiveInputSchema, type NewCollective } from '../domain/collective.ts'
import type { Language } from '../domain/language.ts'
import { fieldErrorsOf } from '../domain/validation.ts'
import { createInviteSecret, createRoomId, type InviteSecret, type RoomId } from '../lib/credentials.ts'
import { err, ok } from '../lib/result.ts'
import { createStore } from '../lib/store.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore, type CollectiveRow, type DeviceStore } from '../storage/device-db.ts'
import { createPersistRequester, requestPersistentStorage } from '../storage/persist.ts'
import type { AppServices, CollectiveSession, JoinedCollective } from './api.ts'
import { resolveEnv, type AppEnv } from './env.ts'
import { createCalendarExports } from './calendar-exports.ts'
import { createDismissedNotices } from './dismissed-notices.ts'
import { createErrorChannel } from './errors.ts'
import { parseInvite } from './invite.ts'
import { openInvitation } from './invitations.ts'
import { createSuccession } from './succession.ts'
import { createFromTemplate } from './template-create.ts'
import { lazyPartnerView } from './partner-view-loader.ts'
import type { GenerationState } from './api.ts'
import type { WritableStore } from '../lib/store.ts'
import type { RenewDeps } from './renew.ts'
import type { RenewalWrite } from './renewal-carry.ts'
import type { ArchivedHandoff } from './session.ts'
import { loadSessionRuntime as runtime, type SessionRuntime } from './session-runtime-loader.ts'
import { ownIdentityOf } from './own-identity.ts'

export const createAppServices = async (appEnv: AppEnv = {}): Promise<AppServices> => {
  const env = resolveEnv(appEnv)
  const errors = createErrorChannel()
  const device: DeviceStore = openDeviceStore(`${env.namespace}${DEFAULT_DEVICE_DB_NAME}`)
  const askPersistence = appEnv.storageManager ? createPersistRequester(appEnv.storageManager) : requestPersistentStorage
  const collectives = createStore<readonly JoinedCollective[]>([])
  const preferences = createStore<{ readonly language: Language }>({ language: 'fr' })
  const hasPendingWrites = createStore(false)
  const dismissed = createDismissedNotices(device, env.now, (error) => storageFailed('device.dismiss', error))
  const sessions = new Map<RoomId, Promise<CollectiveSession | null>>()
  const openSessions = new Map<RoomId, CollectiveSession>()
  const statusUnsubscribes = new Map<RoomId, () => void>()
  const generations = new Map<RoomId, WritableStore<GenerationState>>()
  const handoffs = new Map<RoomId, () => ArchivedHandoff | null>()
  const handoffsComplete = new Map<RoomId, () => Promise<void>>()
  const demos = new Set<CollectiveSession>()
  let destroyed = false

  const refreshPendingWrites = (): void =>
    hasPendingWrites.set([...openSessions.values()].some((session) => session.status.get().local === 'saving'))

  const refreshCollectives = async (): Promise<void> => {
    // An archived room is opened from its successor's page, on demand: the switcher lists live collectives only.
    const rows = (await device.listCollectives()).filter((row) => row.successorId === undefined)
    collectives.set(rows.map((row): JoinedCollective => ({ id: row.id, name: row.name, joinedAt: row.joinedAt })))
  }
  /** A collective whose device-local records are kept on this phone (a demo's stay in memory). */
  const joined = (collectiveId: string): boolean =>
    !destroyed && collectives.get().some((row) => row.id === collectiveId)
  const storageFailed = (context: string, error: unknown): void => errors.report(context, error, 'storageUnavailable')

  const startSession = (row: CollectiveRow, created?: NewCollective): Promise<CollectiveSession | null> => {
    const generation = createStore<GenerationState>({ archiveLabel: row.archiveLabel ?? null, successorId: row.successorId ?? null })
    generations.set(row.id, generation)
    const opening = runtime().then(({ openSession }) => openSession({
      roomId: row.id,
      secret: row.secret,
      env,
      outbox: device.outbox(row.id),
      errors,
      identity: {
        load: () => device.loadIdentity(row.id),
        save: (identity) => device.saveIdentity(row.id, identity),
        loadWelcome: async () => (await device.getCollective(row.id))?.welcome ?? null,
        saveWelcome: (progress) => device.updateCollective(row.id, { welcome: progress }),
      },
      created,
      onNameChange: (name) => {
        if (destroyed) return // the device database is closed; the next start reads the name from the document
        device.updateCollective(row.id, { name }).then(refreshCollectives).catch((error: unknown) => storageFailed('device.rename', error))
      },
      knownMoved: row.movedAt !== undefined,
      onMoved: () => {
        device.updateCollective(row.id, { movedAt: env.now() }).catch((error: unknown) => storageFailed('device.moved', error))
      },
      knownArchived: row.archivedAt !== undefined || row.successorId !== undefined,
      onArchived: (handoff) => void follow(row.id, handoff),
      onRenewedFrom: (previous, write) => void carryRenewal(row, previous, write),
      provideHandoff: (take, whenComplete) => {
        handoffs.set(row.id, take)
        handoffsComplete.set(row.id, whenComplete)
      },
      generation,
      onDestroy: () => {
        sessions.delete(row.id)
        openSessions.delete(row.id)
        generations.delete(row.id)
        handoffs.delete(row.id)
        handoffsComplete.delete(row.id)
        statusUnsubscribes.get(row.id)?.()
        statusUnsubscribes.delete(row.id)
        refreshPendingWrites()
      },
    })).then(
      async (session) => {
        const runtimeNow = await runtime()
        if (destroyed) {
          session.destroy()
          return null
        }
        openSessions.set(row.id, session)
        const unsubscribeStatus = session.status.subscribe(refreshPendingWrites)
        const unsubscribeLayout = moveWhenDue(session, row, runtimeNow)
        statusUnsubscribes.set(row.id, () => {
          unsubscribeStatus()
          unsubscribeLayout()
        })
        return session
      },
      (error: unknown) => {
        sessions.delete(row.id)
        errors.report('session.open', error)
        return null
      },
    )
    sessions.set(row.id, opening)
    return opening
  }

  /** Collectives this phone is renewing: their copy names them, but they stay until the relay closed them. */
  const renewing = new Set<RoomId>()

  /** The archived year just before `id` (its successor is `id`) now leads to `successor`; then `id` leaves the phone. */
  const retire = async (id: RoomId, successor: RoomId): Promise<void> => {
    try {
      for (const archive of await services.archivesOf(id)) {
        if ((await device.getCollective(archive.id))?.successorId === id) await device.updateCollective(archive.id, { successorId: successor })
      }
    } catch (error) {
      storageFailed('device.retire', error)
    }
    await services.forgetCollective(id)
  }

  /**
   * `row` is a renewal's copy of `previousId` (src/app/renewal-carry.ts): once the relay says that room moved, what this
   * phone still waited to send there is written onto the copy, who I am goes with it, and the old room leaves the phone.
   */
  const carryRenewal = async (row: CollectiveRow, previousId: RoomId, write: RenewalWrite): Promise<void> => {
    if (renewing.has(previousId) || destroyed) return
    try {
      const previous = await device.getCollective(previousId)
      if (previous === null || previous.successorId !== undefined) return
      const old = await services.openCollective(previousId)
      const code = await runtime()
      // A renewal whose answer never came may have left the old room the collective: only a room that moved is left.
      if (old === null || !(await code.whenMoved(old, env.renewCopyTimeoutMs))) return
      await handoffsComplete.get(previousId)?.()
      const handoff = handoffs.get(previousId)?.() ?? null
      if (handoff === null) return
      await code.carryRenewedChanges(handoff, previous, row, write)
      const me = ownIdentityOf(old) // not the family it may be acting for
      const copy = await services.openCollective(row.id)
      if (copy !== null && copy.me.get().familyId === null && me.familyId !== null) await copy.setMe(me.familyId, me.adultId)
      await retire(previousId, row.id)
    } catch (error) {
      storageFailed('renewal.carry', error)
    }
  }

  const renewDeps = (): RenewDeps => ({
    openCollective: (roomId) => services.openCollective(roomId),
    restoreCollective: (json, renewedFrom) => services.restoreCollective(json, renewedFrom),
    forgetCollective: (roomId) => services.forgetCollective(roomId),
    retireCollective: retire,
    secretOf: async (roomId) => (await device.getCollective(roomId).catch(() => undefined))?.secret ?? null,
    relayUrl: env.relayUrl,
    fetch: env.fetch,
    copyTimeoutMs: env.renewCopyTimeoutMs,
    retryDelaysMs: env.renewRetryDelaysMs,
  })

  const closeSession = async (id: RoomId): Promise<void> => {
    const session = await sessions.get(id)
    session?.destroy()
  }

  const succession = createSuccession({
    env, device, errors, runtime,
    isOpen: (id) => openSessions.has(id),
    handoffOf: (id) => handoffs.get(id)?.() ?? null,
    openCollective: (id) => services.openCollective(id),
    followed: async (id, successorId) => {
      const row = await device.getCollective(id).catch(() => null)
      generations.get(id)?.set({ archiveLabel: row?.archiveLabel ?? null, successorId })
      await refreshCollectives().catch((error: unknown) => storageFailed('device.list', error))
    },
  })
  const { follow, moveWhenDue, generationDeps } = succession

  const services: AppServices = {
    ready: Promise.resolve(),
    collectives,
    preferences,
    dismissedNotices: dismissed.keys,
    dismissNotice: (collectiveId, key) =>
      dismissed.dismiss(collectiveId, key, joined(collectiveId)),
    ...createCalendarExports(device, joined, env.now),
    hasPendingWrites,
    errors: errors.messages,
    reportError: (context, error) => errors.report(context, error),
    dismissError: (id) => errors.dismiss(id),

    async createCollective(input) {
      const parsed = NewCollectiveInputSchema.safeParse(input)
      if (!parsed.success) return err(fieldErrorsOf(parsed.error))
      const { name, school, town } = parsed.data
      const row: CollectiveRow = { id: createRoomId(), secret: createInviteSecret(), name, joinedAt: env.now() }
      try {
        await device.putCollective(row)
      } catch (error) {
        storageFailed('device.create', error)
        return err({ _: 'storageUnavailable' })
      }
      // Register the session (with the profile to write) before the list shows the new collective:
      // a screen that sees it in the list opens it at once, and must get this session, not a second
      // one without the profile on the same IndexedDB database.
      const opening = startSession(row, { profile: { name, school, town }, calendar: calendarOfNewCollective(parsed.data) })
      await refreshCollectives().catch((error: unknown) => storageFailed('device.list', error))
      void askPersistence()
      const session = await opening
      if (session) await (await runtime()).whenSavedOnPhone(session)
      return ok(row.id)
    },

    async joinFromInvite(fragment) {
      const invite = parseInvite(fragment)
      if (!invite.ok) return invite
      const { roomId } = invite.value
      let secret: InviteSecret
      if (invite.value.kind === 'secret') secret = invite.value.secret
      else {
        // A phone that already joined keeps its own copy of the secret: an expired link still opens what it holds.
        const held = await device.getCollective(roomId).catch(() => null)
        const opened = held?.name ? ok(held.secret) : await openInvitation(env, roomId, invite.value.key)
        if (!opened.ok) return err(opened.error === 'expired' ? 'invitationExpired' : opened.error)
        secret = opened.value
      }
      try {
        const known = await device.getCollective(roomId)
        if (known?.secret === secret) return ok(roomId)
        // A room that already synced with its secret has no other valid one (the token derives from
        // it): a different secret is a wrong or malicious link, and must not lock this phone out.
        if (known && known.name !== '') return err('invalidLink')
        // The guided join starts on a phone new to the collective (queries/welcome.ts decides what it opens).
        if (known) await replaceSecret(known, secret)
        else await device.putCollective({ id: roomId, secret, name: '', joinedAt: env.now(), welcome: 'famille' })
        await refreshCollectives()
      } catch (error) {
        storageFailed('device.join', error)
        return err('storageUnavailable')
      }
      void askPersistence()
      return ok(roomId)
    },

    async restoreCollective(json, renewedFrom) {
      let code: SessionRuntime
      try {
        code = await runtime()
      } catch (error) {
        errors.report('app.load', error)
        return err('storageUnavailable')
      }
      const { deleteDocDatabase, docDatabaseName, writeRestoredDocument } = code
      const file = code.parseCollectiveExport(json)
      if (!file.ok) return file
      // A new room and secret: the exported room may still live (or be renewed), and two documents must never share a room.
      const row: CollectiveRow = { id: createRoomId(), secret: createInviteSecret(), name: file.value.profile.name, joinedAt: env.now() }
      try {
        // The document first, then the row: the switcher never lists a half-written collective.
        await writeRestoredDocument(env.namespace, row.id, row.secret, file.value, renewedFrom ?? null)
        await device.putCollective(row)
      } catch (error) {
        storageFailed('device.restore', error)
        await deleteDocDatabase(docDatabaseName(env.namespace, row.id)).catch(() => undefined)
        return err('storageUnavailable')
      }
      await refreshCollectives().catch((error: unknown) => storageFailed('device.list', error))
      void askPersistence()
      return ok(row.id)
    },

    createFromTemplate: (json, input) =>
      createFromTemplate({ restoreCollective: (file) => services.restoreCollective(file), now: env.now }, json, input),

    async renewCollective(id) {
      const code = await runtime()
      renewing.add(id)
      try {
        return await code.renewCollective(renewDeps(), id)
      } finally {
        renewing.delete(id)
      }
    },

    startNewGeneration: async (id, next) => (await runtime()).startNewGeneration(generationDeps(), id, next),

    async archivesOf(id) {
      try {
        const rows = await device.listCollectives()
        const archives: { id: RoomId; label: string }[] = []
        // Walk back from the live room: each archive names its successor.
        for (let current: RoomId | undefined = id; current !== undefined;) {
          const previous: CollectiveRow | undefined = rows.find((row) => row.successorId === current)
          if (previous === undefined || archives.some((archive) => archive.id === previous.id)) break
          archives.push({ id: previous.id, label: previous.archiveLabel ?? '' })
          current = previous.id
        }
        return archives
      } catch (error) {
        storageFailed('device.archives', error)
        return []
      }
    },

    async openCollective(id) {
      const existing = sessions.get(id)
      if (existing) return existing
      try {
        const row = await device.getCollective(id)
        if (!row || destroyed) return null
        return await (sessions.get(id) ?? startSession(row))
      } catch (error) {
        storageFailed('device.open', error)
        return null
      }
    },

    openedCollective: (id) => openSessions.get(id) ?? null,

    openPartnerView: (fragment) => lazyPartnerView({ relayUrl: env.relayUrl, WebSocket: env.WebSocket }, fragment),

    /** Each call makes a fresh demo; the caller destroys it, or destroy() of the services does. */
    async openDemo(language) {
      const demo = await (await runtime()).openDemoSession(env.origin, env.now, language)
      demos.add(demo)
      const destroyDemo = demo.destroy.bind(demo)
      return {
        ...demo,
        destroy() {
          demos.delete(demo)
          destroyDemo()
        },
      }
    },

    async forgetCollective(id) {
      // Its archived years go with it: they hold the same secret, and no screen lists them without it.
      const archives = await services.archivesOf(id)
      for (const roomId of [id, ...archives.map((archive) => archive.id)]) await closeSession(roomId)
      try {
        const { deleteDocDatabase, docDatabaseName } = await runtime()
        for (const roomId of [id, ...archives.map((archive) => archive.id)]) {
          await device.deleteCollective(roomId)
          await deleteDocDatabase(docDatabaseName(env.namespace, roomId))
        }
        await refreshCollectives()
      } catch (error) {
        storageFailed('device.forget', error)
      }
    },

    async setLanguage(language) {
      preferences.set({ language })
      try {
        await device.setPreferences({ language })
      } catch (error) {
        storageFailed('device.preferences', error)
      }
    },

    destroy() {
      if (destroyed) return
      destroyed = true
      succession.destroy()
      for (const session of [...openSessions.values(), ...demos]) session.destroy()
      device.close()
    },
  }

  /** A new link for a known room that never synced (its stored secret may be wrong): the next session uses the new token. */
  const replaceSecret = async (known: CollectiveRow, secret: InviteSecret): Promise<void> => {
    await closeSession(known.id)
    await device.putCollective({ ...known, secret })
  }

  try {
    await refreshCollectives()
    preferences.set(await device.getPreferences())
    await dismissed.load()
    if (collectives.get().length > 0) {
      void askPersistence()
      // The week screen needs the document code next: fetched while the first screen renders, not after.
      void runtime().catch((error: unknown) => errors.report('app.load', error))
    }
  } catch (error) {
    storageFailed('device.load', error)
  }
  return services
}
