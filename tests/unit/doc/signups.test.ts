// Sign-up entries: Lamport clocks, withdrawals, and two phones signing up for the same slot offline, merged in both orders.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAP_COMPACT_SIGNUPS, MAP_SIGNUPS, Origin } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { createActorId, type ActorId } from '../../../src/domain/ids.ts'
import { MAX_CLOCK, signUpEntryKeyOf, signUpKeyOf } from '../../../src/domain/signup.ts'
import { resolveWalk, signUpStatusIn } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import { exchange, newFirstLayoutFixture, newFixture, valueOf, walkOn } from './fixtures.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'

const actorA = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' as ActorId
const actorB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' as ActorId
const NOW = Date.UTC(2027, 2, 1)

describe('sign-up entries', () => {
  it('each write takes a clock above every clock in the document; the same slot again writes nothing', () => {
    const { doc, lineId, adultId, familyId } = newFixture()
    const walk = walkOn(lineId)
    edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'lead', actor: actorA })
    doc.getMap<unknown>(MAP_SIGNUPS).set('someone-else', { clock: 41 }) // even an invalid entry's clock counts
    const origins: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'lead', actor: actorA })
    expect(origins).toEqual([])
    edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'tail', actor: actorA })
    const [entry] = readCollective(doc).signUps
    expect(entry).toMatchObject({ slot: 'tail', status: 'active', clock: 42, actor: actorA })
    edit.writeWithdrawal(doc, walk, adultId, actorB)
    expect(readCollective(doc).signUps[0]).toMatchObject({ slot: 'tail', status: 'withdrawn', clock: 43, actor: actorB })
    edit.writeWithdrawal(doc, walk, adultId, actorB)
    expect(origins).toEqual([Origin.signUp, Origin.withdraw])
  })

  it('an entry with a huge clock is listed to check and does not block later sign-ups', () => {
    const { doc, lineId, adultId, familyId } = newFixture()
    const walk = walkOn(lineId)
    doc.getMap<unknown>(MAP_SIGNUPS).set('forged', { clock: Number.MAX_SAFE_INTEGER })
    edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'lead', actor: actorA })
    const read = readCollective(doc)
    expect(read.signUps).toEqual([expect.objectContaining({ slot: 'lead', status: 'active', adultId })])
    expect(read.toCheck.map((record) => record.key)).toContain('forged')
  })

  for (const layout of ['first', 'compact'] as const) {
    it(`a rewrite keeps fields written by a newer app (${layout} layout)`, () => {
      const { doc, lineId, adultId, familyId } = layout === 'first' ? newFirstLayoutFixture() : newFixture()
      const walk = walkOn(lineId)
      edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'lead', actor: actorA })
      const map = doc.getMap<unknown>(MAP_SIGNUPS)
      const own = doc.getMap<unknown>(layout === 'first' ? MAP_SIGNUPS : MAP_COMPACT_SIGNUPS)
      const [key] = [...own.keys()]
      // A newer app writes a field the compact layout has no place for: in the first layout, as any app reads it.
      const value = { familyId, slot: 'lead', status: 'active', clock: 7, actor: actorA, note: 'future' }
      doc.transact(() => {
        own.delete(key!)
        map.set(signUpEntryKeyOf(walk, adultId, actorA), value)
      })
      edit.writeWithdrawal(doc, walk, adultId, actorA)
      expect(readCollective(doc).signUps[0]).toMatchObject({ status: 'withdrawn', note: 'future' })
      expect([...map.keys()]).toEqual([signUpEntryKeyOf(walk, adultId, actorA)])
      expect(doc.getMap(MAP_COMPACT_SIGNUPS).size).toBe(0)
    })
  }

  for (const order of ['ab', 'ba'] as const) {
    it(`two offline phones take the same slot: same holder on both, the other waiting (exchange ${order})`, () => {
      const { doc: a, lineId, adultId, familyId } = newFixture()
      const second = valueOf(edit.addAdult(a, familyId, { firstName: 'Julien', phone: '06 98 76 54 32', charterAcceptedOn: null, insured: true }))
      const b = keyedDoc()
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
      const walk = walkOf(readCollective(a), walkOn(lineId))
      if (!walk) throw new Error('the walk should run')
      edit.writeSignUp(a, { walk, adultId, familyId, slot: 'lead', actor: actorB })
      edit.writeSignUp(b, { walk, adultId: second, familyId, slot: 'lead', actor: actorA })
      exchange(a, b, order)
      const rotaA = resolveWalk(readCollective(a), walk, NOW)
      const rotaB = resolveWalk(readCollective(b), walk, NOW)
      expect(rotaB).toEqual(rotaA)
      // Same clock: the lower actor id wins, whatever the delivery order.
      expect(rotaA.lead?.adultId).toBe(second)
      expect(rotaA.waiting.map((signUp) => signUp.adultId)).toEqual([adultId])
      expect(signUpStatusIn(rotaA, adultId)).toEqual({ status: 'waiting', slot: 'lead' })
    })
  }

  it('a sign-up written after seeing the slot held waits, even from the lowest actor id', () => {
    const { doc: a, lineId, adultId, familyId } = newFixture()
    const second = valueOf(edit.addAdult(a, familyId, { firstName: 'Julien', phone: '06 98 76 54 32', charterAcceptedOn: null, insured: true }))
    const walk = walkOf(readCollective(a), walkOn(lineId))!
    edit.writeSignUp(a, { walk, adultId, familyId, slot: 'tail', actor: actorB })
    const b = keyedDoc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    edit.writeSignUp(b, { walk, adultId: second, familyId, slot: 'tail', actor: actorA })
    exchange(a, b, 'ba')
    expect(resolveWalk(readCollective(a), walk, NOW).tail?.adultId).toBe(adultId)
  })
})

describe('the shared clock cannot be exhausted by one record', () => {
  it('a valid entry at the clock ceiling leaves later writes recorded, in order, and valid', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const forged = walkOn(lineId, '2027-03-16')
    doc.getMap('signups').set(signUpKeyOf(forged, adultId), { familyId, slot: 'lead', status: 'active', clock: MAX_CLOCK, actor: createActorId(), at: '2027-03-13T10:00:00+01:00' })
    const walk = walkOn(lineId)
    expect(edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'tail', actor: createActorId() })).toBe(true)
    const first = readCollective(doc)
    expect(first.toCheck).toEqual([])
    const written = first.signUps.find((signUp) => signUp.date === walk.date)
    expect(written?.clock).toBeLessThan(MAX_CLOCK)
    edit.writeWithdrawal(doc, walk, adultId, createActorId())
    const after = readCollective(doc).signUps.find((signUp) => signUp.date === walk.date)
    expect(after?.status).toBe('withdrawn')
    expect(after!.clock).toBeGreaterThan(written!.clock)
  })
})

describe('concurrent writes to one adult\'s place on a walk', () => {
  const phones = (firstClient: number, secondClient: number) => {
    const { doc: a, lineId, adultId, familyId } = newFixture()
    const walk = walkOn(lineId)
    edit.writeSignUp(a, { walk, adultId, familyId, slot: 'lead', actor: actorA })
    const b = keyedDoc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    a.clientID = firstClient
    b.clientID = secondClient
    return { a, b, walk, adultId, familyId }
  }

  for (const order of ['ab', 'ba'] as const) {
    for (const [first, second] of [[1_000_001, 2_000_002], [2_000_002, 1_000_001]] as const) {
      it(`a withdrawal is undone only by a write that saw it, whatever the client ids (${first} < ${second}?, exchange ${order})`, () => {
        const { a, b, walk, adultId, familyId } = phones(first, second)
        // Phone A moves its clock far ahead first (other entries), then withdraws: its clock is higher.
        for (let i = 0; i < 3; i++) edit.writeSignUp(a, { walk: walkOn(walk.lineId, '2027-03-16'), adultId, familyId, slot: i % 2 ? 'lead' : 'tail', actor: actorA })
        edit.writeWithdrawal(a, walk, adultId, actorA)
        // Phone B, offline, never saw the withdrawal: it moves the adult to the tail (a lower clock).
        edit.writeSignUp(b, { walk, adultId, familyId, slot: 'tail', actor: actorB })
        exchange(a, b, order)
        for (const doc of [a, b]) {
          const entry = readCollective(doc).signUps.find((signUp) => signUp.date === walk.date)
          expect(entry?.status).toBe('withdrawn')
        }
        // A write that saw the withdrawal brings the adult back, on both phones.
        edit.writeSignUp(b, { walk, adultId, familyId, slot: 'lead', actor: actorB })
        exchange(a, b, order)
        for (const doc of [a, b]) {
          expect(readCollective(doc).signUps.find((signUp) => signUp.date === walk.date)).toMatchObject({ status: 'active', slot: 'lead' })
        }
      })
    }
  }

  it('two concurrent active writes: the higher clock wins on every phone, whatever the client ids', () => {
    for (const [first, second] of [[1_000_001, 2_000_002], [2_000_002, 1_000_001]] as const) {
      const { a, b, walk, adultId, familyId } = phones(first, second)
      edit.writeSignUp(a, { walk: walkOn(walk.lineId, '2027-03-16'), adultId, familyId, slot: 'tail', actor: actorA })
      edit.writeSignUp(a, { walk, adultId, familyId, slot: 'tail', actor: actorA })
      edit.writeSignUp(b, { walk, adultId, familyId, slot: 'extra', actor: actorB })
      exchange(a, b, 'ab')
      for (const doc of [a, b]) expect(readCollective(doc).signUps.find((s) => s.date === walk.date)?.slot).toBe('tail')
      expect(readCollective(a).toCheck).toEqual([])
    }
  })
})
