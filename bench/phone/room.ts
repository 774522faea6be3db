// A bench collective in the relay as a member's phone would find it: a room id and invite secret, the room token and
// seal key derived from them as the app does, the generated document pushed by a stock y-websocket client, and the
// week the phone measures (the first coming week with walks open to sign-ups, its next week too).
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { weekOf, defaultWeekMonday, isPastWalk } from '../../src/app/queries/rota.ts'
import { familyLineIds } from '../../src/app/queries/rota-view.ts'
import type { FamilyId } from '../../src/domain/ids.ts'
import { readCollective } from '../../src/doc/read.ts'
import { instantToParisDate } from '../../src/domain/calendar/paris-time.ts'
import { schoolYearOf, schoolYearStarting } from '../../src/domain/calendar/school-year.ts'
import { BENCH_NOW } from './clock.ts'
import { addDays, type LocalDate } from '../../src/domain/dates.ts'
import { createInviteSecret, createRoomId, deriveRoomToken, type InviteSecret, type RoomId, type RoomToken } from '../../src/lib/credentials.ts'
import { deriveSealKey, type SealKey } from '../../src/lib/seal.ts'
import { connectProvider, waitFor } from '../../tests/helpers/relay.ts'
import { seededRandom } from '../../tests/helpers/seeded-random.ts'
import { generateCollective, linesFor, type GeneratedCollective } from '../collective.ts'
import type { Size } from './options.ts'

export interface BenchRoom {
  readonly size: Size
  readonly inviteUrl: string
  /** "/c/<roomId>" */
  readonly base: string
  /** Monday of the measured week, and whether "Cette semaine" opens it by default. */
  readonly monday: LocalDate
  readonly isDefaultWeek: boolean
  /** A family with one adult (a tap on a free place signs that adult up at once), for "Qui êtes-vous ?". */
  readonly me: { family: string; adult: string }
  /** Places held in the week before the measured one (0 without history): the phone has synced when it shows them all. */
  readonly heldWeekBefore: number
  /** The same on the lines of `me`'s family only: once the phone says who it is, the other lines fold. */
  readonly heldWeekBeforeMine: number
  readonly families: number
  readonly docBytes: number
  readonly signUpWrites: number
  readonly generateMs: number
}

const WITHDRAWAL_RATE = 0.08

/** Places held (lead, tail, extras) in the week of `monday`. */
/** Places held in the week of `monday`: on every line, or on the lines of `familyId` (what its phone unfolds). */
const heldIn = (
  view: ReturnType<typeof readCollective>, monday: LocalDate, now: number, familyId?: FamilyId,
): number => {
  const walks = weekOf(view, monday, now).flatMap((day) => day.walks)
  const lines = familyId === undefined ? null : familyLineIds(view, familyId, walks)
  return walks.filter((walk) => lines === null || lines.has(walk.lineId))
    .reduce((sum, walk) => sum + (walk.lead ? 1 : 0) + (walk.tail ? 1 : 0) + walk.extras.length, 0)
}

/** The first week from "Cette semaine" (and its next week) with a walk still open to sign-ups, on the bench's lines. */
const measuredWeek = (now: number): { monday: LocalDate; isDefaultWeek: boolean } => {
  const probe = generateCollective({
    key: crypto.getRandomValues(new Uint8Array(32)) as SealKey,
    random: seededRandom(1), families: 4, lines: linesFor(40), periods: [], turnover: 0, withdrawalRate: 0,
  })
  const view = readCollective(probe.doc)
  probe.doc.destroy()
  const today = instantToParisDate(now)
  const first = defaultWeekMonday(today, view.settings.operatingWeekdays)
  const open = (monday: LocalDate): boolean =>
    weekOf(view, monday, now).some((day) => day.walks.some((walk) => walk.cancellation === null && !isPastWalk(walk, today, now)))
  for (let week = 0; week < 30; week++) {
    const monday = addDays(first, 7 * week)
    if (open(monday) && open(addDays(monday, 7))) return { monday, isDefaultWeek: week === 0 }
  }
  throw new Error('no week with walks open to sign-ups in the next 30 weeks')
}

/**
 * `years` school years of history ending the day before the measured week: the current one from its first day (a live
 * document holds that much at most), and whole earlier ones (kept live only by a collective no phone moved on).
 */
const historyOf = (years: number, monday: LocalDate): Array<{ from: LocalDate; to: LocalDate }> => {
  const current = schoolYearOf(monday)
  const first = Number(current.from.slice(0, 4))
  return Array.from({ length: years }, (_, k) => {
    const year = schoolYearStarting(first - (years - 1 - k))
    return { from: year.from, to: k === years - 1 ? addDays(monday, -1) : year.to }
  })
}

/**
 * Generates the collective of `size` (its history: `size.years` school years of sign-ups ending the day before the
 * measured week, historyOf) with a fresh room's seal key, and pushes it to the relay at `wsUrl` as one client's state (the phone then
 * receives it from the relay in parts, as a joining phone does).
 */
export const prepareRoom = async (size: Size, relayUrl: string, wsUrl: string): Promise<BenchRoom> => {
  const now = BENCH_NOW
  const { monday, isDefaultWeek } = measuredWeek(now)
  const roomId = createRoomId()
  const secret = createInviteSecret()
  const token = await deriveRoomToken(roomId, secret)
  const key = await deriveSealKey(roomId, secret)
  const periods = historyOf(size.years, monday)
  const generated = generateCollective({
    key, random: seededRandom(2026), families: size.families, lines: linesFor(size.families), periods,
    turnover: Math.round(size.families / 5), withdrawalRate: WITHDRAWAL_RATE,
  })
  const { doc } = generated
  try {
    return await pushAndDescribe(size, relayUrl, wsUrl, { roomId, secret, token }, generated, monday, isDefaultWeek, now)
  } finally {
    doc.destroy() // and with it the pushing provider's awareness timer
  }
}

const pushAndDescribe = async (
  size: Size, relayUrl: string, wsUrl: string, credentials: { roomId: RoomId; secret: InviteSecret; token: RoomToken },
  generated: GeneratedCollective, monday: LocalDate, isDefaultWeek: boolean, now: number,
): Promise<BenchRoom> => {
  const { doc } = generated
  const { roomId, secret, token } = credentials
  const view = readCollective(doc)
  const single = view.families.find((family) => view.adults.filter((adult) => adult.familyId === family.id).length === 1)
  const adult = single && view.adults.find((candidate) => candidate.familyId === single.id)
  if (!single || !adult) throw new Error('bench collective: no family with a single adult')
  const docBytes = Y.encodeStateAsUpdate(doc).byteLength

  const room = { roomId, token }
  const pusher = connectProvider(wsUrl, room, { doc, register: true })
  let reader: WebsocketProvider | null = null
  // A provider's awareness stops its timer when its doc is destroyed (WebsocketProvider.destroy leaves it running).
  const copy = new Y.Doc()
  try {
    await waitFor(() => pusher.synced, `the relay to take the ${size.label} collective`, 120_000)
    // What the relay stored, read back by another client: the whole state, not just sent.
    reader = connectProvider(wsUrl, room, { doc: copy })
    const expected = Y.decodeStateVector(Y.encodeStateVector(doc))
    await waitFor(() => covers(copy, expected), `the relay's copy of the ${size.label} collective`, 120_000)
  } finally {
    pusher.destroy()
    reader?.destroy()
    copy.destroy()
  }
  return {
    size,
    // The earlier link format (the secret in the fragment), still read: the bench needs no invitation on the relay.
    inviteUrl: `${relayUrl.replace(/\/+$/, '')}/rejoindre#r=${roomId}&s=${secret}`,
    base: `/c/${roomId}`,
    monday,
    isDefaultWeek,
    me: { family: single.displayName, adult: adult.firstName },
    heldWeekBefore: heldIn(view, addDays(monday, -7), now),
    heldWeekBeforeMine: heldIn(view, addDays(monday, -7), now, single.id),
    families: view.families.length,
    docBytes,
    signUpWrites: generated.writes,
    generateMs: generated.ms,
  }
}

/** Whether the replica holds at least every client's clock of `expected`. */
const covers = (replica: Y.Doc, expected: Map<number, number>): boolean =>
  [...expected].every(([client, clock]) => Y.getState(replica.store, client) >= clock)
