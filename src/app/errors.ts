// The single channel for unexpected errors: a store of short messages the UI can show, with no personal data.
import { createStore, type ReadableStore } from '../lib/store.ts'
import type { AppErrorMessage } from './api.ts'

export type AppErrorKey = AppErrorMessage['key']

export interface ErrorChannel {
  readonly messages: ReadableStore<readonly AppErrorMessage[]>
  report(context: string, error: unknown, key?: AppErrorKey): void
  dismiss(id: number): void
}

const MAX_KEPT = 20

export const createErrorChannel = (log: (line: string) => void = (line) => console.error(line)): ErrorChannel => {
  const messages = createStore<readonly AppErrorMessage[]>([])
  let nextId = 1
  return {
    messages,
    report(context, error, key = 'unexpected') {
      // Only the error's class name: messages may quote names, tokens or document content.
      log(`[pedibus] ${context}: ${error instanceof Error ? error.name : typeof error}`)
      messages.update((list) => [...list, { id: nextId++, key, context }].slice(-MAX_KEPT))
    },
    dismiss(id) {
      messages.update((list) => list.filter((message) => message.id !== id))
    },
  }
}
