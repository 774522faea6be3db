// The collective's screens a member opens first (its landing and home, the week, my walks, today, the demo): one chunk, fetched
// at start by a phone that holds a collective (src/ui/routes-rota.tsx), so a first visit's welcome does without it.
export { CollectivePage, MorePage } from '../CollectivePage.tsx'
export { DemoPage } from './DemoPage.tsx'
export { MyWalksPage } from './MyWalksPage.tsx'
export { TodayPage } from './TodayPage.tsx'
export { WeekPage } from './WeekPage.tsx'
