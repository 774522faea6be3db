// Routes of "Vos données" (what is stored where, who sees what, how to leave), mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import { CollectivePrivacyPage } from './pages/privacy/CollectivePrivacyPage.tsx'
import { PrivacyPage } from './pages/privacy/PrivacyPage.tsx'

export const privacyRoutes: VNode[] = [
  <Route key="privacy" path="/donnees" component={PrivacyPage} />,
  <Route key="collective-privacy" path="/c/:id/donnees" component={CollectivePrivacyPage} />,
]
