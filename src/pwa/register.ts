// Registers the Workbox service worker built by vite-plugin-pwa (registerType 'prompt') and returns the update flow.
import { registerSW } from 'virtual:pwa-register'
import type { ReadableStore } from '../lib/store.ts'
import { createPwaUpdater, type PwaUpdater } from './update-prompt.ts'

export const registerServiceWorker = (hasPendingWrites: ReadableStore<boolean>): PwaUpdater | null => {
  if (!('serviceWorker' in navigator)) return null
  return createPwaUpdater({ registerSW: (options) => registerSW({ immediate: true, ...options }), hasPendingWrites })
}
