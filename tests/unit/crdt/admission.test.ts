// Admission of updates into a room: what it accepts always integrates whole, leaves a document any fresh phone
// can load, and never breaks the room's rules; forged content under a held id is a conflict, a re-send is not.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { admitUpdate } from '../../../src/crdt/admission.ts'
import { ROOM_POLICY } from '../../../src/crdt/policy.ts'
import { attackSourceUpdates, mutatedDecodableUpdates } from '../../helpers/crafted-updates.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'

const SEED = Number(process.env.ADMISSION_SEED ?? 20261206)

const updatesOf = (write: (doc: Y.Doc) => void, clientID?: number): Uint8Array[] => {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  write(doc)
  return updates
}

/** Like the app's document: records as nested maps, flat entries, overwrites and removals. */
const appLikeUpdates = (random: () => number, count: number): Uint8Array[] =>
  updatesOf((doc) => {
    for (let i = 0; i < count; i++) {
      const key = `r${Math.floor(random() * 12)}`
      const roll = random()
      if (roll < 0.3) {
        const record = new Y.Map<unknown>()
        doc.getMap('families').set(key, record)
        record.set('name', `s1.${'x'.repeat(1 + Math.floor(random() * 30))}`)
      } else if (roll < 0.6) {
        const record = doc.getMap('families').get(key)
        if (record instanceof Y.Map) record.set('n', i)
      } else if (roll < 0.75) {
        doc.getMap('families').delete(key)
      } else {
        doc.getMap('signups').set(`${key}|2026-12-0${1 + (i % 8)}`, { slot: 'lead', clock: i, actor: 'a1' })
      }
    }
  }, Math.floor(random() * 2 ** 32))

/** JSON with keys sorted: Y.Map.toJSON()'s key order depends on the order updates arrived in. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner)

const contentOf = (doc: Y.Doc): string => sortedJson({ families: doc.getMap('families').toJSON(), signups: doc.getMap('signups').toJSON() })

const loadsInFreshDoc = (room: Y.Doc): boolean => {
  const fresh = new Y.Doc()
  try {
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(room))
    const same = contentOf(fresh) === contentOf(room)
    return same && fresh.store.pendingStructs === null && fresh.store.pendingDs === null
  } catch {
    return false
  } finally {
    fresh.destroy()
  }
}

describe('admission', () => {
  it('accepts only mutated updates that integrate whole and leave a document a fresh phone loads (10,000, seeded)', () => {
    const random = seededRandom(SEED)
    const counts = { accept: 0, wait: 0, refuse: 0, conflict: 0 }
    for (let round = 0; round < 20; round++) {
      const valid = appLikeUpdates(random, 60)
      const room = new Y.Doc()
      for (let n = 0; n < 500; n++) {
        const update = Uint8Array.from(valid[Math.floor(random() * valid.length)]!)
        const flips = 1 + Math.floor(random() * 3)
        for (let i = 0; i < flips; i++) update[Math.floor(random() * update.length)] = Math.floor(random() * 256)
        const admission = admitUpdate(room, update, ROOM_POLICY)
        counts[admission.kind]++
        if (admission.kind !== 'accept') continue
        expect(() => Y.applyUpdate(room, update), `seed ${SEED} round ${round} update ${n}`).not.toThrow()
        expect({ seed: SEED, round, n, pending: room.store.pendingStructs !== null || room.store.pendingDs !== null })
          .toEqual({ seed: SEED, round, n, pending: false })
      }
      expect({ seed: SEED, round, loads: loadsInFreshDoc(room) }).toEqual({ seed: SEED, round, loads: true })
      // The honest updates still integrate after all that (nothing of theirs was taken by the garbage).
      for (const update of valid) if (admitUpdate(room, update, ROOM_POLICY).kind === 'accept') Y.applyUpdate(room, update)
    }
    expect(counts.accept).toBeGreaterThan(10) // mutations that stay well-formed are rare: the check must still see some
    expect(counts.refuse).toBeGreaterThan(1000)
  })

  it('never accepts what Yjs would keep pending or throw on: mutated arrays, nested maps, text, deletions (seeded)', () => {
    // The shapes of the relay attack tests, and re-sent structs whose references the room does not have (Yjs
    // resolves references before it sees a struct is already there).
    for (let run = 0; run < 4; run++) {
      const random = seededRandom(SEED + 100 + run)
      const sources = attackSourceUpdates(random)
      const room = new Y.Doc()
      let accepted = 0
      for (const update of mutatedDecodableUpdates(sources, 2_500, random)) {
        if (admitUpdate(room, update, ROOM_POLICY).kind !== 'accept') continue
        accepted++
        let threw = false
        try {
          Y.applyUpdate(room, update)
        } catch {
          threw = true
        }
        const pending = room.store.pendingStructs !== null || room.store.pendingDs !== null
        expect({ seed: SEED + 100 + run, accepted, threw, pending }).toEqual({ seed: SEED + 100 + run, accepted, threw: false, pending: false })
      }
      expect(accepted).toBeGreaterThan(10)
    }
  })

  it('accepts a re-send of what the room holds, and calls a different write under the same id a conflict', () => {
    const victim = 1111
    const [first, second] = updatesOf((doc) => {
      doc.getMap('signups').set('walk|lead', { actor: 'victim', clock: 1 })
      doc.getMap('signups').set('walk|tail', { actor: 'victim', clock: 2 })
    }, victim)
    const [, forgedSecond] = updatesOf((doc) => {
      doc.getMap('signups').set('walk|lead', { actor: 'victim', clock: 1 })
      doc.getMap('signups').set('walk|tail', { actor: 'forger', clock: 2 })
    }, victim)
    const room = new Y.Doc()
    Y.applyUpdate(room, first!)
    Y.applyUpdate(room, forgedSecond!) // the forger wrote at the victim's next clock first
    expect(admitUpdate(room, first!, ROOM_POLICY).kind).toBe('accept') // a plain re-send
    const verdict = admitUpdate(room, second!, ROOM_POLICY)
    expect(verdict).toMatchObject({ kind: 'conflict', at: { client: victim } })
  })

  // Two tabs of one browser (BroadcastChannel) coming online together: the room holds alive what one tab deleted.
  it("accepts a phone's step 2 that carries, deleted, an item another socket just delivered alive", () => {
    const room = new Y.Doc({ gc: true })
    const tabB = new Y.Doc({ gc: true })
    const tabA = new Y.Doc({ gc: true })
    // Offline, tab B writes an entry; tab A receives it over the BroadcastChannel and removes it.
    let written: Uint8Array | null = null
    tabB.on('update', (update: Uint8Array) => { written = update })
    tabB.getMap('signups').set('lun|aller|lead', { slot: 'lead' })
    Y.applyUpdate(tabA, written!, 'bc')
    tabA.getMap('signups').delete('lun|aller|lead')

    // Both come online. The room's step 1 to tab A holds nothing of tab B's client.
    const stepOneToA = Y.encodeStateVector(room)
    const stepTwoFromA = Y.encodeStateAsUpdate(tabA, stepOneToA)
    // Tab B's step 2 reaches the room first.
    const stepTwoFromB = Y.encodeStateAsUpdate(tabB, Y.encodeStateVector(room))
    expect(admitUpdate(room, stepTwoFromB, ROOM_POLICY).kind).toBe('accept')
    Y.applyUpdate(room, stepTwoFromB)

    const admission = admitUpdate(room, stepTwoFromA, ROOM_POLICY)
    expect(admission.kind).toBe('accept') // it was 'conflict': the honest tab was told someone wrote in its name
    // What Yjs does with it: the known struct is skipped, the deletion applies, nothing pending.
    const check = new Y.Doc({ gc: true })
    Y.applyUpdate(check, Y.encodeStateAsUpdate(room))
    Y.applyUpdate(check, stepTwoFromA)
    expect(check.store.pendingStructs).toBeNull()
    expect(check.getMap('signups').has('lun|aller|lead')).toBe(false)
  })

  it('waits for missing predecessors and refuses deletions of clocks nobody wrote yet, never integrating them', () => {
    const updates = updatesOf((doc) => {
      for (let i = 0; i < 3; i++) doc.getMap('m').set(`k${i}`, i)
    }, 2222)
    const room = new Y.Doc()
    expect(admitUpdate(room, updates[1]!, ROOM_POLICY)).toEqual({ kind: 'wait', reason: 'missingPredecessor' })
    const ghost = new Y.Doc()
    ghost.getMap('m').set('x', 1)
    const deletion = Y.encodeStateAsUpdate(ghost)
    // A delete set naming 50 clocks of client 3333, which never wrote anything.
    const ghostDelete = Uint8Array.from([0, 1, ...varUint(3333), 1, 0, 50])
    expect(admitUpdate(room, ghostDelete, ROOM_POLICY)).toEqual({ kind: 'wait', reason: 'ghostDeletion' })
    expect(admitUpdate(room, deletion, ROOM_POLICY).kind).toBe('accept')
  })

  it('refuses nesting deeper than the policy and content kinds the app never writes', () => {
    const deep = updatesOf((doc) => {
      let map = doc.getMap('root')
      for (let depth = 0; depth < ROOM_POLICY.maxDepth + 2; depth++) {
        const child = new Y.Map<unknown>()
        map.set('child', child)
        map = child
      }
    })
    const room = new Y.Doc()
    const verdicts = deep.map((update) => {
      const admission = admitUpdate(room, update, ROOM_POLICY)
      if (admission.kind === 'accept') Y.applyUpdate(room, update)
      return admission.kind === 'refuse' ? admission.reason : admission.kind
    })
    expect(verdicts.slice(0, ROOM_POLICY.maxDepth - 1).every((verdict) => verdict === 'accept')).toBe(true)
    expect(verdicts.slice(ROOM_POLICY.maxDepth - 1)).toContain('tooDeep')
    const text = updatesOf((doc) => doc.getText('t').insert(0, 'hello'))
    expect(admitUpdate(new Y.Doc(), text[0]!, ROOM_POLICY)).toEqual({ kind: 'refuse', reason: 'contentKind' })
    const subdoc = updatesOf((doc) => doc.getMap('m').set('d', new Y.Doc()))
    expect(admitUpdate(new Y.Doc(), subdoc[0]!, ROOM_POLICY)).toEqual({ kind: 'refuse', reason: 'contentKind' })
  })
})

function varUint(value: number): number[] {
  const bytes: number[] = []
  for (let rest = value; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) return [...bytes, rest]
    bytes.push((rest % 128) | 0x80)
  }
}
