// Unit tests render screens outside the app's router: every French text loaded first, as the lazy routes do
// (src/ui/lazy-screen.ts); tests/unit/ui/first-screen-texts.test.ts checks the first screens need only their own.
import { whenAllTexts } from '../../src/ui/i18n/messages.ts'

await whenAllTexts()
