// Routes of the collective's landing, its home ("Plus") and rota screens (Cette semaine, Mes trajets, Aujourd’hui, demo), mounted by the
// router in App.tsx. Their chunk uses only the first screens' texts (bundled with the app), so it loads without the
// later texts; `preloadRotaScreens` starts it as soon as the phone is known to hold a collective.
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import type * as RotaScreens from './pages/rota/index.ts'
import { loadOnce } from '../lib/load-once.ts'

// A failed fetch (an app update removed the old chunk, say) is tried again by the next screen that needs it.
const load = loadOnce((): Promise<typeof RotaScreens> => import('./pages/rota/index.ts'))

/** Starts fetching the collective's screens (from the service worker's cache on an installed phone). */
export const preloadRotaScreens = (): void => void load().catch(() => undefined)

export const CollectivePage = lazy(() => load().then((module) => module.CollectivePage))
export const MorePage = lazy(() => load().then((module) => module.MorePage))
const DemoPage = lazy(() => load().then((module) => module.DemoPage))
const MyWalksPage = lazy(() => load().then((module) => module.MyWalksPage))
const TodayPage = lazy(() => load().then((module) => module.TodayPage))
const WeekPage = lazy(() => load().then((module) => module.WeekPage))

export const rotaRoutes: VNode[] = [
  // One route for "Cette semaine" and any other week: going to the next week updates the screen, never remounts it.
  <Route key="week" path="/c/:id/semaine/:monday?" component={WeekPage} />,
  <Route key="mine" path="/c/:id/mes-trajets" component={MyWalksPage} />,
  <Route key="today" path="/c/:id/aujourdhui" component={TodayPage} />,
  <Route key="demo" path="/demo" component={DemoPage} />,
  <Route key="demo-week" path="/demo/semaine/:monday?" component={WeekPage} demo />,
  <Route key="demo-mine" path="/demo/mes-trajets" component={MyWalksPage} demo />,
  <Route key="demo-today" path="/demo/aujourdhui" component={TodayPage} demo />,
]
