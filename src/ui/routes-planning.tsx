// Routes of the planning screens (Mes disponibilités, Équité, Planifier), mounted by the router in App.tsx; loaded on first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

// One chunk for the three screens: they share the fairness rules, the planner and its solver.
const load = withAllTexts(() => import('./pages/planning/index.ts'))
const AvailabilityPage = lazy(() => load().then((module) => module.AvailabilityPage))
const FairnessPage = lazy(() => load().then((module) => module.FairnessPage))
const PlanPage = lazy(() => load().then((module) => module.PlanPage))

export const planningRoutes: VNode[] = [
  <Route key="availability" path="/c/:id/disponibilites" component={AvailabilityPage} />,
  <Route key="fairness" path="/c/:id/equite" component={FairnessPage} />,
  <Route key="plan" path="/c/:id/planifier" component={PlanPage} />,
]
