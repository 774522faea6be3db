// Fake sessions for UI tests, typed by the slices a component takes: stores from a view and an identity, the commands a test gives; any other command throws.
import type { CollectiveView, DeviceIdentity, GenerationState, SessionIdentity, SessionState, SyncStatus, WelcomeProgress } from '../../src/app/api.ts'
import { ActorIdSchema } from '../../src/domain/ids.ts'
import { parseRoomId, type RoomId } from '../../src/lib/credentials.ts'
import { createStore } from '../../src/lib/store.ts'
import { makeView } from './make-view.ts'

const roomId = (text: string): RoomId => {
  const id = parseRoomId(text)
  if (id === null) throw new Error(`not a room id: ${text}`)
  return id
}

/** The fake session's collective: screens put it in their links (`/c/<id>/...`). */
export const TEST_ROOM_ID = roomId('q4B8mZ0rT1uV2wX3yZ4a5b')
export const TEST_ACTOR = ActorIdSchema.parse('00000000-0000-4000-8999-000000000001')

/** A phone with everything saved and confirmed by the relay. */
export const SYNCED: SyncStatus = {
  local: 'saved', connection: 'online', pending: 0, offlineSince: null, storageError: null,
  relayConfirmed: true, moved: false, archived: false, diverged: false, roomFull: false, relayDeletesOn: null,
}

/** The state and identity a fake session holds: each store starts from these values (defaults for what is left out). */
export interface SessionParts {
  readonly view?: CollectiveView
  /** Merged over an identity that has chosen no family or adult yet. */
  readonly me?: Partial<DeviceIdentity>
  /** Merged over SYNCED. */
  readonly status?: Partial<SyncStatus>
  /** Merged over a live collective (no archive, no successor). */
  readonly generation?: Partial<GenerationState>
  readonly id?: RoomId
  /** The guided join's progress on this phone; null (never started) by default. */
  readonly welcome?: WelcomeProgress
}

/** Invitations go to the relay: a command like the others (given by the test that needs it). */
type Stores = SessionState & Omit<SessionIdentity, 'createInvitation' | 'listInvitations' | 'revokeInvitation'>
/** What a test may implement beside the stores: the slice's commands (setMe included). */
type Commands<S> = Partial<Omit<S, Exclude<keyof Stores, 'setMe' | 'setWelcome'>>>

/** Keys a test runner or a framework probes on any object; answered "absent", never as a missing command. */
const PROBED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType'])

const notInThisTest = (name: string) => () => {
  throw new Error(`session.${name}() is not in this test: give it to makeSession`)
}

/**
 * A session typed by the slice `S` a component takes (e.g. `makeSession<SessionState & RotaCommands>(...)`): the
 * view, identity and status stores, and the commands given. A command not given throws "not in this test" when
 * called, so a test shows what a screen did instead of a TypeError somewhere inside it.
 */
export const makeSession = <S extends object>(parts: SessionParts = {}, commands: Commands<S> = {}): S => {
  const id = parts.id ?? TEST_ROOM_ID
  const stores: Omit<Stores, 'setMe' | 'setWelcome'> = {
    id,
    view: createStore(parts.view ?? makeView()),
    me: createStore<DeviceIdentity>({ actorId: TEST_ACTOR, familyId: null, adultId: null, ...parts.me }),
    status: createStore<SyncStatus>({ ...SYNCED, ...parts.status }),
    generation: createStore<GenerationState>({ archiveLabel: null, successorId: null, ...parts.generation }),
    welcome: createStore<WelcomeProgress>(parts.welcome ?? null),
  }
  const members: Record<string, unknown> = { ...stores, ...commands }
  const session = new Proxy(members, {
    get: (target, key) => {
      if (typeof key === 'symbol' || key in target || PROBED.has(key)) return Reflect.get(target, key)
      return notInThisTest(key)
    },
  })
  // The one cast: a Proxy answers every command of S (given, or one that throws), which TypeScript cannot see.
  return session as S
}
