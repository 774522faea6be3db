// Routes of the guided join (/c/:id/bienvenue/:step), mounted by the router in App.tsx; loaded on first use (a separate
// chunk, precached), so the first visit's code stays the app shell.
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

const WelcomePage = lazy(() => withAllTexts(() => import('./pages/join/index.ts'))().then((module) => module.WelcomePage))

export const joinRoutes: VNode[] = [
  <Route key="welcome" path="/c/:id/bienvenue/:step" component={WelcomePage} />,
]
