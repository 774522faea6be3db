// The "Vos données" screens as one lazily loaded chunk, precached for offline use.
export { CollectivePrivacyPage } from './CollectivePrivacyPage.tsx'
export { PrivacyPage } from './PrivacyPage.tsx'
