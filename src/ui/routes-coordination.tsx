// Routes of the coordinator screens (roster and periods, "À faire" with the handover) and the journal, mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import './components/coordination/coordination.css'
import { CoordinationPage } from './pages/coordination/CoordinationPage.tsx'
import { DutyPage } from './pages/coordination/DutyPage.tsx'
import { JournalPage } from './pages/coordination/JournalPage.tsx'

export const coordinationRoutes: VNode[] = [
  <Route key="coordination" path="/c/:id/coordination" component={CoordinationPage} />,
  <Route key="coordination-duty" path="/c/:id/coordination/a-faire" component={DutyPage} />,
  <Route key="journal" path="/c/:id/journal" component={JournalPage} />,
]
