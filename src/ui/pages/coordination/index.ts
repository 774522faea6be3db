// The coordinator screens and the journal as one lazily loaded chunk, precached for offline use.
import '../../components/coordination/coordination.css'

export { CoordinationPage } from './CoordinationPage.tsx'
export { DutyPage } from './DutyPage.tsx'
export { JournalPage } from './JournalPage.tsx'
