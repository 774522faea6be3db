// Routes of the print views (A4), mounted by the router in App.tsx; loaded on first use (a separate chunk, precached for offline use).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

// One chunk for the print views and the guide: they share the print frame, sheets and styles.
const load = withAllTexts(() => import('./pages/print/index.ts'))
const WeekPrintPage = lazy(() => load().then((module) => module.WeekPrintPage))
const PosterPrintPage = lazy(() => load().then((module) => module.PosterPrintPage))
const CheckInSheetPage = lazy(() => load().then((module) => module.CheckInSheetPage))
const EmergencyPrintPage = lazy(() => load().then((module) => module.EmergencyPrintPage))
const GuidePrintPage = lazy(() => load().then((module) => module.GuidePrintPage))
const FamilyWalksPrintPage = lazy(() => load().then((module) => module.FamilyWalksPrintPage))

export const printRoutes: VNode[] = [
  <Route key="print-week" path="/c/:id/imprimer/semaine/:lineId/:monday" component={WeekPrintPage} />,
  <Route key="print-poster" path="/c/:id/imprimer/affiche/:lineId" component={PosterPrintPage} />,
  <Route key="print-sheet" path="/c/:id/imprimer/feuille/:lineId/:date/:direction" component={CheckInSheetPage} />,
  <Route key="print-emergency" path="/c/:id/imprimer/urgence/:lineId/:date/:direction" component={EmergencyPrintPage} />,
  <Route key="print-guide" path="/c/:id/imprimer/guide" component={GuidePrintPage} />,
  <Route key="print-family" path="/c/:id/imprimer/famille/:familyId" component={FamilyWalksPrintPage} />,
]
