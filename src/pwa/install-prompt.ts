// The browser's own "install this app" prompt (Chrome on Android and desktop): its `beforeinstallprompt` event kept
// from the start, so "Premiers pas" can offer it whenever it opens, and whether the app already runs installed.
import { createStore, type ReadableStore } from '../lib/store.ts'

/** The part of Chrome's BeforeInstallPromptEvent used here (not in TypeScript's DOM types). */
interface InstallEvent extends Event {
  prompt(): Promise<unknown>
  readonly userChoice?: Promise<{ readonly outcome: string }>
}

const isInstallEvent = (event: Event): event is InstallEvent =>
  typeof (event as Partial<InstallEvent>).prompt === 'function'

/** none: the browser offers no prompt (Safari, Firefox, or not installable yet); ready: a tap can show it. */
export type InstallState = 'none' | 'ready' | 'installed'
export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable'

export interface InstallPrompt {
  readonly state: ReadableStore<InstallState>
  /** Shows the browser's prompt (once per event, as the browser allows); the member's answer. */
  prompt(): Promise<InstallOutcome>
  destroy(): void
}

const runsInstalled = (target: Window): boolean =>
  typeof target.matchMedia === 'function' && target.matchMedia('(display-mode: standalone)').matches

export const createInstallPrompt = (target: Window = window): InstallPrompt => {
  let kept: InstallEvent | null = null
  const state = createStore<InstallState>(runsInstalled(target) ? 'installed' : 'none')
  const onBeforeInstall = (event: Event): void => {
    if (!isInstallEvent(event)) return
    event.preventDefault() // no mini-infobar: the button in "Premiers pas" shows the prompt when the member asks
    kept = event
    state.set('ready')
  }
  const onInstalled = (): void => {
    kept = null
    state.set('installed')
  }
  target.addEventListener('beforeinstallprompt', onBeforeInstall)
  target.addEventListener('appinstalled', onInstalled)
  return {
    state,
    async prompt() {
      const event = kept
      if (event === null) return 'unavailable'
      kept = null // an event's prompt can be shown once
      state.set('none')
      await event.prompt()
      const choice = await event.userChoice?.catch(() => undefined)
      return choice?.outcome === 'accepted' ? 'accepted' : 'dismissed'
    },
    destroy() {
      target.removeEventListener('beforeinstallprompt', onBeforeInstall)
      target.removeEventListener('appinstalled', onInstalled)
    },
  }
}

let started: InstallPrompt | null = null

/** Starts listening once, at the app's start (main.tsx): the event may fire before any screen asks for it. */
export const startInstallPrompt = (): InstallPrompt => (started ??= createInstallPrompt())

/** The prompt started at the app's start; null where nothing started it (unit tests, the demo's tools). */
export const installPromptOf = (): InstallPrompt | null => started

/** iPhone and iPad (iPadOS Safari says "Macintosh", with touch): no prompt there, the Share menu installs. */
export const isAppleMobile = (nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'>): boolean =>
  /iPhone|iPad|iPod/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1)
