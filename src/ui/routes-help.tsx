// Routes of the coups de main screens (help between families), mounted by the router in App.tsx; loaded on first use
// (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

// One chunk for the list and a request's page: they share the answer button and the texts.
const load = withAllTexts(() => import('./pages/help/index.ts'))
const HelpPage = lazy(() => load().then((module) => module.HelpPage))
const HelpRequestScreen = lazy(() => load().then((module) => module.HelpRequestScreen))

export const helpRoutes: VNode[] = [
  <Route key="help" path="/c/:id/coups-de-main" component={HelpPage} />,
  <Route key="help-request" path="/c/:id/coups-de-main/:requestId" component={HelpRequestScreen} />,
]
