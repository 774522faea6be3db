// Routes of management screens (lines and stops, families, adults and children, settings, calendar, guided set-up), mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import './components/manage/manage.css'
import { CalendarPage } from './pages/manage/CalendarPage.tsx'
import { CollectiveSettingsPage } from './pages/manage/CollectiveSettingsPage.tsx'
import { FamiliesPage } from './pages/manage/FamiliesPage.tsx'
import { FamilyPage } from './pages/manage/FamilyPage.tsx'
import { LinePage } from './pages/manage/LinePage.tsx'
import { LinesPage } from './pages/manage/LinesPage.tsx'
import { RepairPage } from './pages/manage/RepairPage.tsx'
import { SetupFamilyPage } from './pages/manage/SetupFamilyPage.tsx'
import { SetupLinePage } from './pages/manage/SetupLinePage.tsx'

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
  <Route key="repair" path="/c/:id/verifier/:kind/:key" component={RepairPage} />,
]
