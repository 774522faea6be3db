// Routes of the coordinator screens (roster and periods, "À faire" with the handover) and the journal, mounted by the router in App.tsx; loaded on first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

// One chunk for the three screens: they share the coordination sections and the journal list.
const load = withAllTexts(() => import('./pages/coordination/index.ts'))
const CoordinationPage = lazy(() => load().then((module) => module.CoordinationPage))
const DutyPage = lazy(() => load().then((module) => module.DutyPage))
const JournalPage = lazy(() => load().then((module) => module.JournalPage))

export const coordinationRoutes: VNode[] = [
  <Route key="coordination" path="/c/:id/coordination" component={CoordinationPage} />,
  <Route key="coordination-duty" path="/c/:id/coordination/a-faire" component={DutyPage} />,
  <Route key="journal" path="/c/:id/journal" component={JournalPage} />,
]
