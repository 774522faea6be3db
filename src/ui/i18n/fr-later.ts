// French texts of the screens opened later (management, planning, print, privacy, absences, new year, leave, renew,
// the guided join): one chunk, loaded before any of those screens shows and fetched in the background once the first
// one is painted.
import { frAbsence } from './fr-absence.ts'
import { frConsent } from './fr-consent.ts'
import { frFirstSteps } from './fr-first-steps.ts'
import { frGuide } from './fr-guide.ts'
import { frCharter } from './fr-charter.ts'
import { frHelp } from './fr-help.ts'
import { frLeave } from './fr-leave.ts'
import { frManage } from './fr-manage.ts'
import { frMeetings } from './fr-meetings.ts'
import { frPartners } from './fr-partners.ts'
import { frPlanning } from './fr-planning.ts'
import { frPrint } from './fr-print.ts'
import { frPrivacy } from './fr-privacy.ts'
import { frRenew } from './fr-renew.ts'
import { frWelcome } from './fr-welcome.ts'
import { frYear } from './fr-year.ts'

export const frLater = { ...frManage, ...frPlanning, ...frPrint, ...frPrivacy, ...frAbsence, ...frMeetings, ...frPartners, ...frYear, ...frLeave, ...frRenew, ...frWelcome, ...frConsent, ...frHelp, ...frGuide, ...frFirstSteps, ...frCharter } as const
