// Routes of the declared absences, mounted by the router in App.tsx; loaded on first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'
// Kept in the main chunk: the rota's walk cards show the absences count with .walk__absences.
import './components/absence/absence.css'

const AbsencesPage = lazy(() => withAllTexts(() => import('./pages/absence/index.ts'))().then((module) => module.AbsencesPage))

export const absenceRoutes: VNode[] = [
  <Route key="absences" path="/c/:id/absences" component={AbsencesPage} />,
]
