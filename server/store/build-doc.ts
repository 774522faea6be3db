// Builds a room's Y.Doc from its stored updates without ever blocking the process for long, and without keeping
// anything pending. Updates stored by this version always integrate in order; rooms stored by earlier versions
// may hold updates whose predecessors come later in the log (kept for a second pass) or never (dropped, counted).
// Yjs merges pending updates on every apply (quadratic with thousands of them): they are taken out after each
// update instead, and retried in bounded passes.
import * as Y from 'yjs'

export interface BuiltDoc {
  readonly doc: Y.Doc
  /** Stored updates (or parts of them) that never integrated: not in the room any more. */
  readonly dropped: number
}

export interface BuildOptions {
  /** Yields to the event loop after this much work (ms), so other rooms keep being served while a big room loads. */
  readonly sliceMs?: number
  /** Throw instead of dropping when an update throws while applied (stored data is trusted to load whole). */
  readonly strict?: boolean
}

const RETRY_PASSES = 3

/** Takes what Yjs kept pending out of the doc (V2 updates), so the next apply does not merge it again. */
export const takePending = (doc: Y.Doc): Uint8Array[] => {
  const taken: Uint8Array[] = []
  if (doc.store.pendingStructs) taken.push(doc.store.pendingStructs.update)
  if (doc.store.pendingDs) taken.push(doc.store.pendingDs)
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return taken
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export const buildDoc = async (updates: readonly Uint8Array[], options: BuildOptions = {}): Promise<BuiltDoc> => {
  const doc = new Y.Doc({ gc: true })
  const sliceMs = options.sliceMs ?? 10
  let sliceStart = performance.now()
  const pace = async (): Promise<void> => {
    if (performance.now() - sliceStart < sliceMs) return
    await yieldToLoop()
    sliceStart = performance.now()
  }
  let waiting: Uint8Array[] = []
  for (const update of updates) {
    Y.applyUpdate(doc, update) // throws on a corrupt stored update: the caller refuses to serve the room
    waiting.push(...takePending(doc))
    await pace()
  }
  for (let pass = 0; pass < RETRY_PASSES && waiting.length > 0; pass++) {
    const before = waiting.length
    const retry = waiting
    waiting = []
    for (const update of retry) {
      Y.applyUpdateV2(doc, update) // bytes Yjs encoded itself from structs it had already read
      waiting.push(...takePending(doc))
      await pace()
    }
    if (waiting.length >= before && pass > 0) break
  }
  return { doc, dropped: waiting.length }
}
