// The partner links chunk (issue 18): the member's screen and the partner's read-only page.
import './partners.css'
export { PartnerLinksPage } from './PartnerLinksPage.tsx'
export { PartnerPage } from './PartnerPage.tsx'
