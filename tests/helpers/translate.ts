// Both languages' translate functions at once, for tests (the app loads English on demand: src/ui/i18n/messages.ts).
import { en } from '../../src/ui/i18n/en.ts'
import { fr } from '../../src/ui/i18n/fr.ts'
import { translatorOf, type Language, type Translate } from '../../src/ui/i18n/translate.ts'

export const createTranslate = (language: Language): Translate => translatorOf(language === 'fr' ? fr : en)
