// Routes of the rota screens (Cette semaine, Mes trajets, Aujourd’hui, sign-ups, demo), mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import { DemoPage } from './pages/rota/DemoPage.tsx'
import { MyWalksPage } from './pages/rota/MyWalksPage.tsx'
import { TodayPage } from './pages/rota/TodayPage.tsx'
import { WeekPage } from './pages/rota/WeekPage.tsx'

export const rotaRoutes: VNode[] = [
  <Route key="week" path="/c/:id/semaine" component={WeekPage} />,
  <Route key="week-of" path="/c/:id/semaine/:monday" component={WeekPage} />,
  <Route key="mine" path="/c/:id/mes-trajets" component={MyWalksPage} />,
  <Route key="today" path="/c/:id/aujourdhui" component={TodayPage} />,
  <Route key="demo" path="/demo" component={DemoPage} />,
  <Route key="demo-week" path="/demo/semaine" component={WeekPage} demo />,
  <Route key="demo-week-of" path="/demo/semaine/:monday" component={WeekPage} demo />,
  <Route key="demo-mine" path="/demo/mes-trajets" component={MyWalksPage} demo />,
  <Route key="demo-today" path="/demo/aujourdhui" component={TodayPage} demo />,
]
