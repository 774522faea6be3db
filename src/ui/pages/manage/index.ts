// The management screens as one lazily loaded chunk (lines, families, settings, calendar, set-up, repair), precached for offline use.
// manage.css stays imported by routes-manage.tsx: its field, button and heading rules serve the first screens too.
export { CalendarPage } from './CalendarPage.tsx'
export { CollectiveSettingsPage } from './CollectiveSettingsPage.tsx'
export { FamiliesPage } from './FamiliesPage.tsx'
export { FamilyPage } from './FamilyPage.tsx'
export { LinePage } from './LinePage.tsx'
export { LinesPage } from './LinesPage.tsx'
export { RepairPage } from './RepairPage.tsx'
export { SetupFamilyPage } from './SetupFamilyPage.tsx'
export { SetupInvitePage } from './SetupInvitePage.tsx'
export { SetupLinePage } from './SetupLinePage.tsx'
