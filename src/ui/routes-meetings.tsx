// Routes of the Rencontres screens (the list, a new meeting, one meeting), mounted by the router in App.tsx; loaded on
// first use (a separate chunk, precached).
import type { VNode } from 'preact'
import { lazy, Route } from 'preact-iso'
import { withAllTexts } from './lazy-screen.ts'

const load = withAllTexts(() => import('./pages/meetings/index.ts'))
const MeetingsPage = lazy(() => load().then((module) => module.MeetingsPage))
const NewMeetingPage = lazy(() => load().then((module) => module.NewMeetingPage))
const MeetingPage = lazy(() => load().then((module) => module.MeetingPage))

export const meetingRoutes: VNode[] = [
  <Route key="meetings" path="/c/:id/rencontres" component={MeetingsPage} />,
  <Route key="meeting-new" path="/c/:id/rencontres/nouvelle" component={NewMeetingPage} />,
  <Route key="meeting" path="/c/:id/rencontres/:meetingId" component={MeetingPage} />,
]
