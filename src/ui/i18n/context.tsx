// The current language for components: a context holding the translate function, fed from AppServices.preferences.
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { FRENCH_MESSAGES } from './messages.ts'
import { translatorOf, type Language, type Translate } from './translate.ts'

export interface I18n {
  readonly language: Language
  readonly t: Translate
}

export const I18nContext = createContext<I18n>({ language: 'fr', t: translatorOf(FRENCH_MESSAGES) })

export const useI18n = (): I18n => useContext(I18nContext)
