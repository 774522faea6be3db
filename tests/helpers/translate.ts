// Every language's translate function at once, for tests (the app loads English and Arabic on demand: messages.ts).
import { ar } from '../../src/ui/i18n/ar.ts'
import { en } from '../../src/ui/i18n/en.ts'
import { fr } from '../../src/ui/i18n/fr.ts'
import { directionOf, translatorOf, type Language, type Translate } from '../../src/ui/i18n/translate.ts'

const CATALOGUES = { fr, en, ar } as const

export const createTranslate = (language: Language): Translate => translatorOf(CATALOGUES[language], directionOf(language))
