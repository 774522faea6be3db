// Routes of the walk mode and its emergency card, mounted by the router in App.tsx; loaded on first use (a separate chunk, precached so it opens offline).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

// One chunk for the three screens: they share the walk frame and the walk screen.
const load = withAllTexts(() => import('./pages/walk/index.ts'))
const WalkIndexPage = lazy(() => load().then((module) => module.WalkIndexPage))
const WalkPage = lazy(() => load().then((module) => module.WalkPage))
const EmergencyPage = lazy(() => load().then((module) => module.EmergencyPage))

export const walkRoutes: VNode[] = [
  <Route key="walk-today" path="/c/:id/trajet" component={WalkIndexPage} />,
  <Route key="walk" path="/c/:id/trajet/:lineId/:date/:direction" component={WalkPage} />,
  <Route key="walk-emergency" path="/c/:id/trajet/:lineId/:date/:direction/urgence" component={EmergencyPage} />,
]
