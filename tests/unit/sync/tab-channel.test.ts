// Tabs of one phone: each change crosses as it is made, a tab that opens gets only what it lacks, never the whole state.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTabChannel, type TabChannel } from '../../../src/sync/tab-channel.ts'

let counter = 0
const channels: TabChannel[] = []
const watchers: BroadcastChannel[] = []
afterEach(() => {
  for (const channel of channels.splice(0)) channel.destroy()
  for (const watcher of watchers.splice(0)) watcher.close()
})

const tab = (doc: Y.Doc, name: string, ready: Promise<unknown> = Promise.resolve()): TabChannel => {
  const channel = createTabChannel(doc, name, { ready })
  if (channel === null) throw new Error('no BroadcastChannel')
  channels.push(channel)
  return channel
}

/** Every message posted on the channel, as a third tab would see it. */
const watch = (name: string): { kind: string; bytes: number }[] => {
  const seen: { kind: string; bytes: number }[] = []
  const watcher = new BroadcastChannel(name)
  watcher.onmessage = (event: MessageEvent<{ kind: string; update?: Uint8Array; stateVector?: Uint8Array }>) =>
    seen.push({ kind: event.data.kind, bytes: (event.data.update ?? event.data.stateVector)?.length ?? 0 })
  watchers.push(watcher)
  return seen
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

/** A collective's worth of content (thousands of entries). */
const big = (doc: Y.Doc): void => {
  const map = doc.getMap('signups')
  doc.transact(() => {
    for (let i = 0; i < 3000; i++) map.set(`walk-${i}|adult`, { slot: 'lead', clock: i })
  })
}

describe('the tab channel', () => {
  it('carries each change to the other tabs, offline too, and applies theirs under its own origin', async () => {
    const name = `tabs-${counter++}`
    const a = new Y.Doc()
    const b = new Y.Doc()
    tab(a, name)
    const fromOthers = tab(b, name)
    await settle()
    const origins: unknown[] = []
    b.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    a.getMap('families').set('f1', 'Martin')
    await settle()
    expect(b.getMap('families').get('f1')).toBe('Martin')
    expect(origins).toEqual([fromOthers.origin])
    // Not echoed back: a's document saw one change only.
    let echoes = 0
    a.on('update', () => echoes++)
    await settle()
    expect(echoes).toBe(0)
  })

  it('gives a tab that opens only what it lacks, and posts nothing more when the tabs agree', async () => {
    const name = `tabs-${counter++}`
    const seen = watch(name)
    const a = new Y.Doc()
    big(a)
    tab(a, name)
    await settle()
    // A second tab that loaded the same stored state: it says hello; a has nothing it lacks.
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    tab(b, name)
    await settle()
    expect(seen.filter((message) => message.kind === 'update')).toEqual([])
    // A third tab one change behind gets that change, a few bytes, not the collective.
    a.getMap('families').set('f2', 'Bernard')
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
    seen.length = 0
    await settle()
    tab(c, name)
    await settle()
    expect(c.getMap('families').get('f2')).toBe('Bernard')
    const whole = Y.encodeStateAsUpdate(a).length
    for (const message of seen) expect(message.bytes).toBeLessThan(whole / 20)
  })

  it('says hello only once the stored document is loaded, and ignores what it cannot read', async () => {
    const name = `tabs-${counter++}`
    const seen = watch(name)
    let load: () => void = () => undefined
    const loaded = new Promise<void>((resolve) => (load = resolve))
    const errors: unknown[] = []
    const doc = new Y.Doc()
    const channel = createTabChannel(doc, name, { ready: loaded, onError: (error) => errors.push(error) })
    channels.push(channel!)
    await settle()
    expect(seen).toEqual([])
    load()
    await settle()
    expect(seen.map((message) => message.kind)).toEqual(['hello'])
    const stranger = new BroadcastChannel(name)
    stranger.postMessage({ kind: 'update', update: 'not bytes' })
    stranger.postMessage({ kind: 'update', update: new Uint8Array([1, 2, 3]) })
    await settle()
    stranger.close()
    expect(errors).toHaveLength(2)
    expect(doc.share.size).toBe(0)
  })
})
