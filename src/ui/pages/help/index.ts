// The coups de main screens as a lazily loaded chunk, precached for offline use.
export { HelpPage } from './HelpPage.tsx'
export { HelpRequestScreen } from './HelpRequestScreen.tsx'
