// Device-local data in Dexie (joined collectives and their secrets, preferences, the sync outbox); every row parsed with Zod.
import Dexie, { type Table } from 'dexie'
import { z } from 'zod/mini'
import { LANGUAGES, type Language } from '../domain/language.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, createActorId, type ActorId, type AdultId, type FamilyId } from '../domain/ids.ts'
import { parseInviteSecret, parseRoomId, type RoomId } from '../lib/credentials.ts'

export const DEFAULT_DEVICE_DB_NAME = 'pedibus-coop'

// A zod/mini transform reports a refusal by pushing its issue onto the parse payload it is given.
const RoomIdSchema = z.pipe(z.string(), z.transform((text: string, ctx) =>
  parseRoomId(text) ?? (ctx.issues.push({ code: 'custom', message: 'roomId', input: text }), z.NEVER)))
const SecretSchema = z.pipe(z.string(), z.transform((text: string, ctx) =>
  parseInviteSecret(text) ?? (ctx.issues.push({ code: 'custom', message: 'secret', input: text }), z.NEVER)))

const WelcomeProgressSchema = z.enum(['famille', 'enfants', 'disponibilites', 'done'])

const CollectiveRowSchema = z.object({
  id: RoomIdSchema,
  secret: SecretSchema,
  name: z.string().check(z.maxLength(200)),
  // Finite: z.number() refuses Infinity and NaN.
  joinedAt: z.number(),
  /** Device identity in this collective (version 2): see DeviceIdentityRow. Damaged values read as absent. */
  actorId: z.catch(z.optional(ActorIdSchema), undefined),
  myFamilyId: z.catch(z.optional(z.nullable(FamilyIdSchema)), null),
  myAdultId: z.catch(z.optional(z.nullable(AdultIdSchema)), null),
  /** The guided join's next step on this phone (set when an invite link adds the collective); absent: never started. */
  welcome: z.catch(z.optional(WelcomeProgressSchema), undefined),
  /** When this phone learned the collective was renewed elsewhere (its room read-only or gone): shown even offline. */
  movedAt: z.catch(z.optional(z.number()), undefined),
  /**
   * Issue 14: this room is the archive of a past generation (when this phone learned it), the school year it holds
   * and the room where the collective goes on (set once this phone holds the successor). The switcher lists only
   * rooms without a successor; an archive opens on demand.
   */
  archivedAt: z.catch(z.optional(z.number()), undefined),
  archiveLabel: z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d{4}$/))), undefined),
  successorId: z.catch(z.optional(RoomIdSchema), undefined),
  /** When the relay last refused to archive for the move to the compact layout (an older relay): asked again later. */
  layoutMoveRefusedAt: z.catch(z.optional(z.number()), undefined),
})
export type CollectiveRow = z.output<typeof CollectiveRowSchema>

/** Who "I" am in a collective on this device: a random actor id (tie-breaker of sign-ups), my family and adult. */
export interface DeviceIdentityRow {
  readonly actorId: ActorId
  readonly familyId: FamilyId | null
  readonly adultId: AdultId | null
}

const LanguageSchema = z.enum(LANGUAGES)
const PREFERENCES_KEY = 'preferences'
const PreferencesRowSchema = z.object({ key: z.literal(PREFERENCES_KEY), language: LanguageSchema })
export interface Preferences { readonly language: Language }
const DEFAULT_PREFERENCES: Preferences = { language: 'fr' }

export const MAX_NOTICE_KEY_LENGTH = 400

const OutboxSeqSchema = z.number().check(z.int(), z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER))
const OutboxRowSchema = z.object({
  collectiveId: z.string(),
  seq: OutboxSeqSchema,
  /** The change (a V1 update), kept until the relay acknowledges it; absent in rows of older versions. */
  update: z.optional(z.instanceof(Uint8Array)),
  /**
   * Version 3: where the row stands in the collective's outbox (load() gives rows oldest first; seqs are random).
   * Absent in rows of older versions: they come first, by seq, as version 2 gave them.
   */
  position: z.optional(z.number().check(z.int(), z.nonnegative())),
})
type OutboxRow = z.output<typeof OutboxRowSchema>

/** A notice this phone's user dismissed (version 4): its collective, its key (what happened, to whom), and when. */
const DismissedRowSchema = z.object({
  collectiveId: z.string().check(z.maxLength(64)),
  key: z.string().check(z.minLength(1), z.maxLength(MAX_NOTICE_KEY_LENGTH)),
  at: z.number(),
})
export interface DismissedNotice { readonly collectiveId: string; readonly key: string }
/** Dismissals older than this are forgotten: the walks they spoke of are long past, their notices no longer shown. */
export const DISMISSED_KEPT_MS = 400 * 24 * 3_600_000

/** The last agenda file this phone made for a family of a collective (version 5): which events it may cancel next. */
const CalendarExportRowSchema = z.object({
  collectiveId: z.string().check(z.maxLength(64)),
  familyId: FamilyIdSchema,
  at: z.number(),
  // Parsed by its reader (src/app/calendar-exports.ts, which loads the agenda's rules on demand): the first visit's
  // code, which opens this database, loads no rota rule (tests/unit/ui/first-visit-code.test.ts).
  calendar: z.unknown(),
})

// Dexie turns its debug mode on for pages served from localhost (an async stack per operation): the app served by a
// local relay (npm start, the phone bench) would then measure what no phone runs.
Dexie.debug = false

class DeviceDexie extends Dexie {
  collectives!: Table<unknown, string>
  preferences!: Table<unknown, string>
  outbox!: Table<unknown, [string, number]>
  dismissed!: Table<unknown, [string, string]>
  calendarExports!: Table<unknown, [string, string]>

  constructor(name: string) {
    super(name)
    this.version(1).stores({
      collectives: 'id, joinedAt',
      preferences: 'key',
      outbox: '[collectiveId+seq], collectiveId',
    })
    // Version 2: every joined collective gets the device's actor id (no index changes).
    this.version(2).stores({}).upgrade(async (transaction) => {
      await transaction.table('collectives').toCollection().modify((row: Record<string, unknown>) => {
        if (!ActorIdSchema.safeParse(row.actorId).success) row.actorId = createActorId()
      })
    })
    // Version 3: outbox rows keep the order they were added in (a new index; older rows have no position).
    this.version(3).stores({ outbox: '[collectiveId+seq], collectiveId, [collectiveId+position]' })
    // Version 4: the notices dismissed on this phone (each one's key), so they do not come back after a reload.
    this.version(4).stores({ dismissed: '[collectiveId+key], collectiveId, at' })
    // Version 5: what the last agenda export per family held, so the next one cancels only events an agenda may have.
    this.version(5).stores({ calendarExports: '[collectiveId+familyId], collectiveId' })
  }
}

/**
 * Persistence of one collective's sync outbox (the sync layer sees only this shape; src/sync/outbox-memory.ts is the
 * in-memory one). The promises, checked on both by tests/unit/sync/outbox-contract.ts: rows come back oldest first
 * (the order they were added in, not by seq), with their seq and the change's own bytes; an add of a stored seq
 * replaces its bytes in place (null: they leave the disk); calls take effect in the order they were made; a seq that
 * is not a non-negative safe integer is refused.
 */
export interface OutboxRows {
  load(): Promise<Array<{ readonly seq: number; readonly update: Uint8Array | null }>>
  add(seq: number, update: Uint8Array | null): Promise<void>
  remove(seqs: readonly number[]): Promise<void>
  /** Every row of the collective replaced by these (a rebuilt copy's own change), in their order, in one transaction. */
  replaceAll(rows: ReadonlyArray<{ readonly seq: number; readonly update: Uint8Array | null }>): Promise<void>
}

export interface DeviceStore {
  listCollectives(): Promise<CollectiveRow[]>
  getCollective(id: RoomId): Promise<CollectiveRow | null>
  putCollective(row: CollectiveRow): Promise<void>
  updateCollective(id: RoomId, change: Partial<Pick<CollectiveRow, 'name' | 'welcome' | 'movedAt' | 'archivedAt' | 'archiveLabel' | 'successorId' | 'layoutMoveRefusedAt'>>): Promise<void>
  /**
   * The device identity in a collective; creates and stores the actor id on first use (a row from
   * before version 2, or damaged). null when the collective is unknown.
   */
  loadIdentity(id: RoomId): Promise<DeviceIdentityRow | null>
  saveIdentity(id: RoomId, identity: DeviceIdentityRow): Promise<void>
  /** Removes the row, its outbox, its dismissed notices and its agenda exports. */
  deleteCollective(id: RoomId): Promise<void>
  /** The notices dismissed on this phone, every collective's; those dismissed before `forgetBefore` are deleted. */
  listDismissed(forgetBefore: number): Promise<DismissedNotice[]>
  addDismissed(notice: DismissedNotice, at: number): Promise<void>
  /** What the last agenda file made on this phone for `familyId` held; null before the first (or when damaged). */
  /** The stored record, unparsed (its reader parses it); null when none. */
  getCalendarExport(collectiveId: string, familyId: FamilyId): Promise<unknown>
  putCalendarExport(collectiveId: string, familyId: FamilyId, calendar: unknown, at: number): Promise<void>
  getPreferences(): Promise<Preferences>
  setPreferences(preferences: Preferences): Promise<void>
  outbox(collectiveId: RoomId): OutboxRows
  close(): void
}

export const openDeviceStore = (name: string = DEFAULT_DEVICE_DB_NAME): DeviceStore => {
  const db = new DeviceDexie(name)
  // Outbox calls take effect in the order they were made: the sync outbox never awaits its writes (a change's add,
  // then its ack's remove or its erasure), and Dexie may start a later call's transaction before an earlier one's.
  // The calls waiting when a batch ends run together, in order, in the next readwrite transaction (IndexedDB runs it
  // after those created before it, in any tab); a failure there rejects every call of the batch.
  let outboxQueue: Array<{ run: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }> = []
  let outboxDraining: Promise<void> | null = null
  const drainOutbox = async (): Promise<void> => {
    while (outboxQueue.length > 0) {
      const batch = outboxQueue
      outboxQueue = []
      const results: unknown[] = []
      try {
        await db.transaction('rw', db.outbox, async () => {
          for (const call of batch) results.push(await call.run())
        })
        batch.forEach((call, index) => call.resolve(results[index]))
      } catch (error) {
        for (const call of batch) call.reject(error)
      }
    }
    outboxDraining = null
  }
  const inOutboxOrder = <T>(run: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      outboxQueue.push({ run, resolve: resolve as (value: unknown) => void, reject })
      outboxDraining ??= drainOutbox()
    })

  return {
    async listCollectives() {
      const rows = await db.collectives.orderBy('joinedAt').toArray()
      return rows.flatMap((row) => {
        const parsed = CollectiveRowSchema.safeParse(row)
        return parsed.success ? [parsed.data] : [] // a damaged row is skipped, never crashes the switcher
      })
    },
    async getCollective(id) {
      const parsed = CollectiveRowSchema.safeParse(await db.collectives.get(id))
      return parsed.success ? parsed.data : null
    },
    async putCollective(row) {
      await db.collectives.put(CollectiveRowSchema.parse(row))
    },
    async updateCollective(id, change) {
      await db.collectives.update(id, change.welcome === undefined ? change : { ...change, welcome: WelcomeProgressSchema.parse(change.welcome) })
    },
    async loadIdentity(id) {
      return db.transaction('rw', db.collectives, async () => {
        const parsed = CollectiveRowSchema.safeParse(await db.collectives.get(id))
        if (!parsed.success) return null
        const row = parsed.data
        const actorId = row.actorId ?? createActorId()
        if (row.actorId === undefined) await db.collectives.update(id, { actorId })
        return { actorId, familyId: row.myFamilyId ?? null, adultId: row.myAdultId ?? null }
      })
    },
    async saveIdentity(id, identity) {
      await db.collectives.update(id, {
        actorId: ActorIdSchema.parse(identity.actorId),
        myFamilyId: identity.familyId === null ? null : FamilyIdSchema.parse(identity.familyId),
        myAdultId: identity.adultId === null ? null : AdultIdSchema.parse(identity.adultId),
      })
    },
    async deleteCollective(id) {
      await db.transaction('rw', [db.collectives, db.outbox, db.dismissed, db.calendarExports], async () => {
        await db.collectives.delete(id)
        await db.outbox.where('collectiveId').equals(id).delete()
        await db.dismissed.where('collectiveId').equals(id).delete()
        await db.calendarExports.where('collectiveId').equals(id).delete()
      })
    },
    async listDismissed(forgetBefore) {
      await db.dismissed.where('at').below(forgetBefore).delete()
      return (await db.dismissed.toArray()).flatMap((row) => {
        const parsed = DismissedRowSchema.safeParse(row)
        return parsed.success ? [{ collectiveId: parsed.data.collectiveId, key: parsed.data.key }] : []
      })
    },
    async addDismissed(notice, at) {
      await db.dismissed.put(DismissedRowSchema.parse({ collectiveId: notice.collectiveId, key: notice.key, at }))
    },
    async getCalendarExport(collectiveId, familyId) {
      const parsed = CalendarExportRowSchema.safeParse(await db.calendarExports.get([collectiveId, familyId]))
      return parsed.success ? (parsed.data.calendar ?? null) : null
    },
    async putCalendarExport(collectiveId, familyId, calendar, at) {
      await db.calendarExports.put(CalendarExportRowSchema.parse({ collectiveId, familyId, at, calendar }))
    },
    async getPreferences() {
      const parsed = PreferencesRowSchema.safeParse(await db.preferences.get(PREFERENCES_KEY))
      return parsed.success ? { language: parsed.data.language } : DEFAULT_PREFERENCES
    },
    async setPreferences(preferences) {
      await db.preferences.put({ key: PREFERENCES_KEY, language: LanguageSchema.parse(preferences.language) })
    },
    outbox: (collectiveId) => {
      /** The stored row: the change's own bytes (a view would store its whole buffer), or none. */
      const outboxRow = (seq: number, update: Uint8Array | null, position?: number): OutboxRow => {
        const row: OutboxRow = { collectiveId, seq: OutboxSeqSchema.parse(seq) }
        if (update) row.update = new Uint8Array(update) // a copy of these bytes only (slice() on a Buffer shares them)
        if (position !== undefined) row.position = position
        return row
      }
      const lastPosition = async (): Promise<number> => {
        const last = await db.outbox.where('[collectiveId+position]').between([collectiveId, Dexie.minKey], [collectiveId, Dexie.maxKey]).last()
        const parsed = OutboxRowSchema.safeParse(last)
        return parsed.success && parsed.data.position !== undefined ? parsed.data.position : -1
      }
      return {
        load: () => inOutboxOrder(async () => {
          const rows = (await db.outbox.where('collectiveId').equals(collectiveId).toArray()).flatMap((row) => {
            const parsed = OutboxRowSchema.safeParse(row)
            return parsed.success ? [parsed.data] : []
          })
          // Rows of older versions (no position) first, by seq as they were given; then the order they were added in.
          rows.sort((a, b) => (a.position ?? -1) - (b.position ?? -1) || a.seq - b.seq)
          return rows.map((row) => ({ seq: row.seq, update: row.update ?? null }))
        }),
        add(seq, update) {
          // Checked (and copied) now: a seq the store could not give back is refused, not stored.
          let row: OutboxRow
          try {
            row = outboxRow(seq, update)
          } catch (error) {
            return Promise.reject(error)
          }
          // A stored seq keeps its place; a new one goes last.
          return inOutboxOrder(async () => {
            const stored = OutboxRowSchema.safeParse(await db.outbox.get([collectiveId, row.seq]))
            const position = stored.success ? stored.data.position : (await lastPosition()) + 1
            await db.outbox.put(position === undefined ? row : { ...row, position })
          })
        },
        remove: (seqs) => inOutboxOrder(async () => {
          await db.outbox.bulkDelete(seqs.map((seq): [string, number] => [collectiveId, seq]))
        }),
        replaceAll(rows) {
          let stored: OutboxRow[]
          try {
            stored = rows.map((row, position) => outboxRow(row.seq, row.update, position))
          } catch (error) {
            return Promise.reject(error)
          }
          return inOutboxOrder(async () => {
            await db.outbox.where('collectiveId').equals(collectiveId).delete()
            await db.outbox.bulkPut(stored)
          })
        },
      }
    },
    // Outbox calls made before closing still land (a change's row, its ack): the database closes once they have.
    close: () => {
      if (outboxDraining === null) db.close()
      else void outboxDraining.finally(() => db.close())
    },
  }
}

