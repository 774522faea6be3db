// Loading a screen kept out of the first chunks: its module and the texts of the later screens, together.
import { whenAllTexts } from './i18n/messages.ts'

/** `load`, resolved only once every text is loaded too (src/ui/i18n/messages.ts): the screen never shows a bare key. */
export const withAllTexts = <T>(load: () => Promise<T>) => (): Promise<T> =>
  Promise.all([load(), whenAllTexts()]).then(([module]) => module)
