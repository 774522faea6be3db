// Routes of the read-only partner links (issue 18), mounted by the router in App.tsx: the member's screen and the
// partner's page; one chunk loaded on first use (precached like the other screens).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

const load = withAllTexts(() => import('./pages/partners/index.ts'))
const PartnerLinksPage = lazy(() => load().then((module) => module.PartnerLinksPage))
const PartnerPage = lazy(() => load().then((module) => module.PartnerPage))

export const partnerRoutes: VNode[] = [
  <Route key="partner-links" path="/c/:id/partenaires" component={PartnerLinksPage} />,
  <Route key="partner-page" path="/partenaire" component={PartnerPage} />,
]
