// Routes of the planning screens (Mes disponibilités, Équité, Planifier), mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import './components/manage/manage.css'
import './components/planning/planning.css'
import { AvailabilityPage } from './pages/planning/AvailabilityPage.tsx'
import { FairnessPage } from './pages/planning/FairnessPage.tsx'
import { PlanPage } from './pages/planning/PlanPage.tsx'

export const planningRoutes: VNode[] = [
  <Route key="availability" path="/c/:id/disponibilites" component={AvailabilityPage} />,
  <Route key="fairness" path="/c/:id/equite" component={FairnessPage} />,
  <Route key="plan" path="/c/:id/planifier" component={PlanPage} />,
]
