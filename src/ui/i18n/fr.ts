// French interface text (the default language): the reference key set every translation must cover.
//
// The whole set, for types and tests; the app bundles it in two parts (fr-first-screen.ts, fr-later.ts: messages.ts).
import { frFirstScreen } from './fr-first-screen.ts'
import { frLater } from './fr-later.ts'

export const fr = { ...frFirstScreen, ...frLater } as const

export type MessageKey = keyof typeof fr
export type Messages = Readonly<Record<MessageKey, string>>
