// Routes of "Vos données" (what is stored where, who sees what, how to leave), mounted by the router in App.tsx; loaded on first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

// One chunk for both screens: they share the privacy texts.
const load = withAllTexts(() => import('./pages/privacy/index.ts'))
const PrivacyPage = lazy(() => load().then((module) => module.PrivacyPage))
const CollectivePrivacyPage = lazy(() => load().then((module) => module.CollectivePrivacyPage))

export const privacyRoutes: VNode[] = [
  <Route key="privacy" path="/donnees" component={PrivacyPage} />,
  <Route key="collective-privacy" path="/c/:id/donnees" component={CollectivePrivacyPage} />,
]
