// Collective keys for tests that build documents by hand: personal fields are only ever written sealed, so every doc that writes them binds one.
import * as Y from 'yjs'
import { bindSealKey } from '../../src/doc/codec.ts'
import type { SealKey } from '../../src/lib/seal.ts'

/** 32 random bytes, as deriveSealKey returns, without the async derivation (a fixture is built synchronously). */
export const testSealKey = (): SealKey => crypto.getRandomValues(new Uint8Array(32)) as SealKey

/** The test collective's key: every phone of one collective derives the same key from the invite, so test phones share this one. */
export const TEST_SEAL_KEY: SealKey = testSealKey()

/** A new phone's document with the collective's key bound, before anything is written or read. */
export const keyedDoc = (key: SealKey = TEST_SEAL_KEY): Y.Doc => {
  const doc = new Y.Doc()
  bindSealKey(doc, key)
  return doc
}
