// The print views as one lazily loaded module (see routes-print.tsx).
export { CheckInSheetPage } from './CheckInSheetPage.tsx'
export { EmergencyPrintPage } from './EmergencyPrintPage.tsx'
export { FamilyWalksPrintPage } from './FamilyWalksPrintPage.tsx'
export { GuidePrintPage } from './GuidePrintPage.tsx'
export { PosterPrintPage } from './PosterPrintPage.tsx'
export { WeekPrintPage } from './WeekPrintPage.tsx'
