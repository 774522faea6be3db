// Device-local data in Dexie (joined collectives and their secrets, preferences, the sync outbox); every row parsed with Zod.
import Dexie, { type Table } from 'dexie'
import { z } from 'zod'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, createActorId, type ActorId, type AdultId, type FamilyId } from '../domain/ids.ts'
import { parseInviteSecret, parseRoomId, type RoomId } from '../lib/credentials.ts'

export const DEFAULT_DEVICE_DB_NAME = 'pedibus-coop'

const RoomIdSchema = z.string().transform((text, ctx) => parseRoomId(text) ?? (ctx.addIssue({ code: 'custom', message: 'roomId' }), z.NEVER))
const SecretSchema = z.string().transform((text, ctx) => parseInviteSecret(text) ?? (ctx.addIssue({ code: 'custom', message: 'secret' }), z.NEVER))

const CollectiveRowSchema = z.object({
  id: RoomIdSchema,
  secret: SecretSchema,
  name: z.string().max(200),
  joinedAt: z.number().finite(),
  /** Device identity in this collective (version 2): see DeviceIdentityRow. Damaged values read as absent. */
  actorId: ActorIdSchema.optional().catch(undefined),
  myFamilyId: FamilyIdSchema.nullable().optional().catch(null),
  myAdultId: AdultIdSchema.nullable().optional().catch(null),
  /** When this phone learned the collective was renewed elsewhere (its room read-only or gone): shown even offline. */
  movedAt: z.number().finite().optional().catch(undefined),
})
export type CollectiveRow = z.output<typeof CollectiveRowSchema>

/** Who "I" am in a collective on this device: a random actor id (tie-breaker of sign-ups), my family and adult. */
export interface DeviceIdentityRow {
  readonly actorId: ActorId
  readonly familyId: FamilyId | null
  readonly adultId: AdultId | null
}

const LanguageSchema = z.enum(['fr', 'en'])
export type Language = z.output<typeof LanguageSchema>
const PREFERENCES_KEY = 'preferences'
const PreferencesRowSchema = z.object({ key: z.literal(PREFERENCES_KEY), language: LanguageSchema })
export interface Preferences { readonly language: Language }
const DEFAULT_PREFERENCES: Preferences = { language: 'fr' }

const OutboxRowSchema = z.object({
  collectiveId: z.string(),
  seq: z.number().int().nonnegative(),
  /** The change (a V1 update), kept until the relay acknowledges it; absent in rows of older versions. */
  update: z.instanceof(Uint8Array).optional(),
})

class DeviceDexie extends Dexie {
  collectives!: Table<unknown, string>
  preferences!: Table<unknown, string>
  outbox!: Table<unknown, [string, number]>

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
  }
}

/** Persistence of one collective's sync outbox (the sync layer sees only this shape). */
export interface OutboxRows {
  load(): Promise<Array<{ readonly seq: number; readonly update: Uint8Array | null }>>
  add(seq: number, update: Uint8Array | null): Promise<void>
  remove(seqs: readonly number[]): Promise<void>
  /** Every row of the collective replaced by these (a rebuilt copy's own change), in one transaction. */
  replaceAll(rows: ReadonlyArray<{ readonly seq: number; readonly update: Uint8Array | null }>): Promise<void>
}

export interface DeviceStore {
  listCollectives(): Promise<CollectiveRow[]>
  getCollective(id: RoomId): Promise<CollectiveRow | null>
  putCollective(row: CollectiveRow): Promise<void>
  updateCollective(id: RoomId, change: Partial<Pick<CollectiveRow, 'name' | 'movedAt'>>): Promise<void>
  /**
   * The device identity in a collective; creates and stores the actor id on first use (a row from
   * before version 2, or damaged). null when the collective is unknown.
   */
  loadIdentity(id: RoomId): Promise<DeviceIdentityRow | null>
  saveIdentity(id: RoomId, identity: DeviceIdentityRow): Promise<void>
  /** Removes the row and its outbox. */
  deleteCollective(id: RoomId): Promise<void>
  getPreferences(): Promise<Preferences>
  setPreferences(preferences: Preferences): Promise<void>
  outbox(collectiveId: RoomId): OutboxRows
  close(): void
}

export const openDeviceStore = (name: string = DEFAULT_DEVICE_DB_NAME): DeviceStore => {
  const db = new DeviceDexie(name)
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
      await db.collectives.update(id, change)
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
      await db.transaction('rw', db.collectives, db.outbox, async () => {
        await db.collectives.delete(id)
        await db.outbox.where('collectiveId').equals(id).delete()
      })
    },
    async getPreferences() {
      const parsed = PreferencesRowSchema.safeParse(await db.preferences.get(PREFERENCES_KEY))
      return parsed.success ? { language: parsed.data.language } : DEFAULT_PREFERENCES
    },
    async setPreferences(preferences) {
      await db.preferences.put({ key: PREFERENCES_KEY, language: LanguageSchema.parse(preferences.language) })
    },
    outbox: (collectiveId) => ({
      async load() {
        const rows = await db.outbox.where('collectiveId').equals(collectiveId).toArray()
        return rows.flatMap((row) => {
          const parsed = OutboxRowSchema.safeParse(row)
          return parsed.success ? [{ seq: parsed.data.seq, update: parsed.data.update ?? null }] : []
        })
      },
      async add(seq, update) {
        await db.outbox.put(update ? { collectiveId, seq, update } : { collectiveId, seq })
      },
      async remove(seqs) {
        await db.outbox.bulkDelete(seqs.map((seq): [string, number] => [collectiveId, seq]))
      },
      async replaceAll(rows) {
        await db.transaction('rw', db.outbox, async () => {
          await db.outbox.where('collectiveId').equals(collectiveId).delete()
          await db.outbox.bulkPut(rows.map((row) => (row.update ? { collectiveId, ...row } : { collectiveId, seq: row.seq })))
        })
      },
    }),
    close: () => db.close(),
  }
}

