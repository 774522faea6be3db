// Outbox accounting: which local changes a relay ack covers, across handshakes, updates and reconnections.
import { describe, expect, it } from 'vitest'
import { createOutbox, type OutboxPersistence } from '../../../src/sync/outbox.ts'

const memoryPersistence = (initial: number[] = []): OutboxPersistence & { rows: Set<number>; release(): void } => {
  const rows = new Set(initial)
  let release: () => void = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  return {
    rows,
    release: () => release(),
    load: async () => {
      await gate
      return [...rows].map((seq) => ({ seq, update: null }))
    },
    add: async (seq) => void rows.add(seq),
    remove: async (seqs) => seqs.forEach((seq) => rows.delete(seq)),
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('outbox', () => {
  it('stored changes wait for the handshake step 2 and leave on its ack', async () => {
    const persistence = memoryPersistence([3, 4])
    const outbox = createOutbox(persistence, (error) => { throw error })
    persistence.release()
    await outbox.loaded
    expect(outbox.pending.get()).toBe(2)
    outbox.acknowledge(5) // nothing was sent on this connection yet: an ack cannot cover them
    expect(outbox.pending.get()).toBe(2)
    outbox.assignUnassigned(1) // the step 2 was the first counted message
    outbox.acknowledge(1)
    await flush()
    expect(outbox.pending.get()).toBe(0)
    expect([...persistence.rows]).toEqual([])
  })

  it('a change carried by an update message leaves only when that message is acked', async () => {
    const persistence = memoryPersistence()
    const outbox = createOutbox(persistence, (error) => { throw error })
    persistence.release()
    await outbox.loaded
    outbox.assignUnassigned(1)
    outbox.addLocalChange(2, null)
    outbox.addLocalChange(3, null)
    expect(outbox.pending.get()).toBe(2)
    outbox.acknowledge(2)
    expect(outbox.pending.get()).toBe(1)
    outbox.acknowledge(3)
    expect(outbox.pending.get()).toBe(0)
  })

  it('a closed connection unassigns everything: acks of the next connection need its own step 2', async () => {
    const persistence = memoryPersistence()
    const outbox = createOutbox(persistence, (error) => { throw error })
    persistence.release()
    await outbox.loaded
    outbox.addLocalChange(1, null)
    outbox.addLocalChange(null, null) // made while offline
    outbox.unassignAll()
    outbox.acknowledge(1) // stale numbering must not clear anything
    expect(outbox.pending.get()).toBe(2)
    outbox.assignUnassigned(1)
    outbox.addLocalChange(2, null)
    outbox.acknowledge(1)
    expect(outbox.pending.get()).toBe(1)
    outbox.acknowledge(2)
    expect(outbox.pending.get()).toBe(0)
  })

  it('changes made before loading are persisted once loading is done, without reusing stored keys', async () => {
    const persistence = memoryPersistence([7])
    let nextSeq = 8
    const outbox = createOutbox(persistence, (error) => { throw error }, () => nextSeq++)
    outbox.addLocalChange(null, null)
    expect(outbox.pending.get()).toBe(1)
    expect([...persistence.rows]).toEqual([7])
    persistence.release()
    await outbox.loaded
    await flush()
    expect(outbox.pending.get()).toBe(2)
    expect([...persistence.rows].sort()).toEqual([7, 8])
  })

  it('a failing store is reported and the count stays right in memory', async () => {
    const errors: unknown[] = []
    const outbox = createOutbox(
      { load: () => Promise.reject(new Error('disk')), add: () => Promise.reject(new Error('disk')), remove: async () => {} },
      (error) => errors.push(error),
    )
    await outbox.loaded
    outbox.addLocalChange(1, null)
    await flush()
    expect(outbox.pending.get()).toBe(1)
    expect(errors.length).toBe(2)
    outbox.acknowledge(1)
    expect(outbox.pending.get()).toBe(0)
  })
})
