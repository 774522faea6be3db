// The print views as one lazily loaded module (see routes-print.tsx).
export { CheckInSheetPage } from './CheckInSheetPage.tsx'
export { EmergencyPrintPage } from './EmergencyPrintPage.tsx'
export { PosterPrintPage } from './PosterPrintPage.tsx'
export { WeekPrintPage } from './WeekPrintPage.tsx'
