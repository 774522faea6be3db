// The Rencontres screens as a lazily loaded chunk, precached for offline use.
export { MeetingPage } from './MeetingPage.tsx'
export { MeetingsPage } from './MeetingsPage.tsx'
export { NewMeetingPage } from './NewMeetingPage.tsx'
