// Routes of the print views (A4), mounted by the router in App.tsx.
import type { VNode } from 'preact'
import { Route } from 'preact-iso'
import { CheckInSheetPage } from './pages/print/CheckInSheetPage.tsx'
import { EmergencyPrintPage } from './pages/print/EmergencyPrintPage.tsx'
import { PosterPrintPage } from './pages/print/PosterPrintPage.tsx'
import { WeekPrintPage } from './pages/print/WeekPrintPage.tsx'

export const printRoutes: VNode[] = [
  <Route key="print-week" path="/c/:id/imprimer/semaine/:lineId/:monday" component={WeekPrintPage} />,
  <Route key="print-poster" path="/c/:id/imprimer/affiche/:lineId" component={PosterPrintPage} />,
  <Route key="print-sheet" path="/c/:id/imprimer/feuille/:lineId/:date/:direction" component={CheckInSheetPage} />,
  <Route key="print-emergency" path="/c/:id/imprimer/urgence/:lineId/:date/:direction" component={EmergencyPrintPage} />,
]
