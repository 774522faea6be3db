// Routes of "Premiers pas" (issue 18), mounted by the router in App.tsx; loaded on first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

const FirstStepsPage = lazy(() => withAllTexts(() => import('./pages/first-steps/index.ts'))().then((module) => module.FirstStepsPage))

export const firstStepsRoutes: VNode[] = [
  <Route key="first-steps" path="/premiers-pas" component={FirstStepsPage} />,
  <Route key="collective-first-steps" path="/c/:id/premiers-pas" component={FirstStepsPage} />,
]
