// The interface languages a phone may choose: French (the default and the reference), English, Arabic (right to left).
export const LANGUAGES = ['fr', 'en', 'ar'] as const
export type Language = (typeof LANGUAGES)[number]
