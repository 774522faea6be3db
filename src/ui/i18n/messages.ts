// Each language's messages: French for the first screens with them, French for the other screens, English and Arabic
// in chunks of their own, loaded when needed.
//
// English (~19 KiB compressed) and Arabic are each loaded when chosen, whole: a French phone never downloads either. French comes in two parts: the first screens' texts
// (fr-first-screen.ts) and the rest (fr-later.ts, ~9 KiB compressed), which every later screen waits for before it
// shows (`whenAllTexts`, in the lazy routes) and which is fetched in the background once the first screen is painted.
// The French translator reads one object that the rest is added to, so a screen rendered after that sees it all.
// tests/unit/ui/first-screen-texts.test.ts checks that the first screens' modules use only their own keys.
import { frFirstScreen } from './fr-first-screen.ts'
import type { MessageKey, Messages } from './fr.ts'
import type { Language } from './translate.ts'

/** Some or all of a language's messages: a missing key shows as itself (a bug the test above prevents). */
export type LoadedMessages = Readonly<Partial<Record<MessageKey, string>>>

const french: Partial<Record<MessageKey, string>> = { ...frFirstScreen }
export const FRENCH_MESSAGES: LoadedMessages = french

let frenchLater: Promise<void> | null = null

/** Resolves once every French text is loaded (at once after the first time); the later screens wait for it. */
export const whenAllTexts = (): Promise<void> => {
  frenchLater ??= import('./fr-later.ts').then((module) => {
    Object.assign(french, module.frLater)
  }, (error: unknown) => {
    frenchLater = null // offline before the service worker had it: the next screen tries again
    throw error
  })
  return frenchLater
}

const LOADERS: Readonly<Record<Language, () => Promise<LoadedMessages>>> = {
  fr: () => Promise.resolve(FRENCH_MESSAGES),
  en: () => import('./en.ts').then((module): Messages => module.en),
  ar: () => import('./ar.ts').then((module): LoadedMessages => module.ar),
}

export const loadMessages = (language: Language): Promise<LoadedMessages> => LOADERS[language]()
