// Routes of the walk mode and its emergency card, mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import { EmergencyPage } from './pages/walk/EmergencyPage.tsx'
import { WalkIndexPage } from './pages/walk/WalkIndexPage.tsx'
import { WalkPage } from './pages/walk/WalkPage.tsx'

export const walkRoutes: VNode[] = [
  <Route key="walk-today" path="/c/:id/trajet" component={WalkIndexPage} />,
  <Route key="walk" path="/c/:id/trajet/:lineId/:date/:direction" component={WalkPage} />,
  <Route key="walk-emergency" path="/c/:id/trajet/:lineId/:date/:direction/urgence" component={EmergencyPage} />,
]
