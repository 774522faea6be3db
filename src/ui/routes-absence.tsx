// Routes of the declared absences, mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import './components/manage/manage.css'
import './components/absence/absence.css'
import { AbsencesPage } from './pages/absence/AbsencesPage.tsx'

export const absenceRoutes: VNode[] = [
  <Route key="absences" path="/c/:id/absences" component={AbsencesPage} />,
]
