// Routes of management screens (lines and stops, families, adults and children, settings, calendar, guided set-up), mounted by the router in App.tsx; loaded on first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'
// Kept in the main chunk: selects, text areas, disabled buttons, h3 and reduced motion are styled here for every screen.
import './components/manage/manage.css'

// One chunk for the management screens: they share the session gate, forms and the collective editors.
const load = withAllTexts(() => import('./pages/manage/index.ts'))
const CalendarPage = lazy(() => load().then((module) => module.CalendarPage))
const CollectiveSettingsPage = lazy(() => load().then((module) => module.CollectiveSettingsPage))
const FamiliesPage = lazy(() => load().then((module) => module.FamiliesPage))
const FamilyPage = lazy(() => load().then((module) => module.FamilyPage))
const LinePage = lazy(() => load().then((module) => module.LinePage))
const LinesPage = lazy(() => load().then((module) => module.LinesPage))
const RepairPage = lazy(() => load().then((module) => module.RepairPage))
const SetupFamilyPage = lazy(() => load().then((module) => module.SetupFamilyPage))
const SetupLinePage = lazy(() => load().then((module) => module.SetupLinePage))
const SetupInvitePage = lazy(() => load().then((module) => module.SetupInvitePage))

export const manageRoutes: VNode[] = [
  <Route key="lines" path="/c/:id/lignes" component={LinesPage} />,
  <Route key="line" path="/c/:id/lignes/:lineId" component={LinePage} />,
  <Route key="families" path="/c/:id/familles" component={FamiliesPage} />,
  <Route key="family" path="/c/:id/familles/:familyId" component={FamilyPage} />,
  <Route key="settings" path="/c/:id/parametres" component={CollectiveSettingsPage} />,
  <Route key="calendar" path="/c/:id/calendrier" component={CalendarPage} />,
  <Route key="setup" path="/c/:id/demarrage" component={SetupLinePage} />,
  <Route key="setup-line" path="/c/:id/demarrage/ligne" component={SetupLinePage} />,
  <Route key="setup-family" path="/c/:id/demarrage/famille" component={SetupFamilyPage} />,
  <Route key="setup-invite" path="/c/:id/demarrage/inviter" component={SetupInvitePage} />,
  <Route key="repair" path="/c/:id/verifier/:kind/:key" component={RepairPage} />,
]
