// Each language's messages: French with the first screen (the default), English in its own chunk, loaded when chosen.
//
// The English texts of every screen are ~19 KiB compressed: a French phone never downloads nor parses them.
import { fr, type Messages } from './fr.ts'
import type { Language } from './translate.ts'

export const FRENCH_MESSAGES: Messages = fr

export const loadMessages = (language: Language): Promise<Messages> =>
  language === 'fr' ? Promise.resolve(fr) : import('./en.ts').then((module) => module.en)
