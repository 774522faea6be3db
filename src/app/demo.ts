// The demo session: an in-memory Y.Doc filled with an example collective; nothing stored, nothing sent.
import type { InvitationId } from '../lib/invitation.ts'
import { ok } from '../lib/result.ts'
import * as Y from 'yjs'
import { bindSealKey } from '../doc/codec.ts'
import { Origin } from '../doc/keys.ts'
import { readCollective } from '../doc/read.ts'
import { createInviteSecret, createRoomId } from '../lib/credentials.ts'
import { deriveSealKey } from '../lib/seal.ts'
import { createStore } from '../lib/store.ts'
import type { CollectiveSession, CollectiveView, GenerationState, SyncStatus } from './api.ts'
import { createCommands } from './commands.ts'
import type { Language } from '../domain/language.ts'
import { demoLanguageOf, fillDemo, type DemoContent } from './demo-data.ts'
import { fillDemoPlanning } from './demo-planning.ts'
import { fillDemoSwaps } from './demo-swaps.ts'
import { fillDemoWalkLog } from './demo-walk-log.ts'
import { loadIdentity, memoryIdentityStorage } from './identity.ts'
import { createActing } from './acting.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const DEMO_INVITATION_ID = 'demo-invitation-000000' as InvitationId
const DEMO_STATUS: SyncStatus = { local: 'saved', connection: 'offline', pending: 0, offlineSince: null, storageError: null, relayConfirmed: false, moved: false, archived: false, diverged: false, roomFull: false, relayDeletesOn: null }

/** The demo collective with its free texts in `language`, the interface's (names of people and places stay as they are). */
export const openDemoSession = async (origin: string, now: () => number, interfaceLanguage: Language): Promise<CollectiveSession> => {
  const language = demoLanguageOf(interfaceLanguage)
  const roomId = createRoomId()
  const doc = new Y.Doc()
  // Sealed like a real collective (a random key, forgotten with the demo): the demo runs the same code paths.
  bindSealKey(doc, await deriveSealKey(roomId, createInviteSecret()))
  // One transaction: a single update instead of hundreds.
  let content!: DemoContent
  doc.transact(() => {
    content = fillDemo(doc, now(), language)
    fillDemoSwaps(doc, now(), content.me.familyId)
    fillDemoWalkLog(doc, now(), language)
    fillDemoPlanning(doc, now())
  }, Origin.demo)
  const identity = await loadIdentity(memoryIdentityStorage(), () => undefined)
  await identity.setMe(content.me.familyId, content.me.adultId)
  const view = createStore<CollectiveView>(readCollective(doc))
  const refresh = (): void => view.set(readCollective(doc))
  const acting = createActing(identity.me, view)
  doc.on('update', refresh)
  let destroyed = false
  return {
    id: roomId,
    view,
    status: createStore(DEMO_STATUS),
    generation: createStore<GenerationState>({ archiveLabel: null, successorId: null }),
    // The demo's "invitation" is the demo itself: nothing is asked of a relay.
    createInvitation: async (days) => ok({ url: `${origin}/demo`, invitation: { id: DEMO_INVITATION_ID, createdAt: now(), expiresAt: now() + days * DAY_MS } }),
    listInvitations: async () => ok([]),
    revokeInvitation: async () => ok(undefined),
    me: acting.me,
    acting: acting.acting,
    actFor: acting.actFor,
    stopActing: acting.stopActing,
    setMe: identity.setMe,
    welcome: identity.welcome,
    setWelcome: identity.setWelcome,
    ...createCommands({ doc, view, me: acting.me, acting: acting.acting, now }),
    destroy() {
      if (destroyed) return
      destroyed = true
      doc.off('update', refresh)
      doc.destroy()
    },
  }
}
