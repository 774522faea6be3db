// Arabic interface text (right to left, issue 18): one module per area beside the French and English ones, loaded
// only when chosen. Must cover every key of the French reference (tests/unit/ui/i18n.test.ts, the browser test).
import { arGuide } from './ar-guide.ts'
import { arFirstSteps } from './ar-first-steps.ts'
import { arActing } from './ar-acting.ts'
import { arManage } from './ar-manage.ts'
import { arPlanning } from './ar-planning.ts'
import { arPrint } from './ar-print.ts'
import { arPrivacy } from './ar-privacy.ts'
import { arAbsence } from './ar-absence.ts'
import { arMeetings } from './ar-meetings.ts'
import { arPartners } from './ar-partners.ts'
import { arYear } from './ar-year.ts'
import { arLeave } from './ar-leave.ts'
import { arRenew } from './ar-renew.ts'
import { arWelcome } from './ar-welcome.ts'
import { arConsent } from './ar-consent.ts'
import { arHelp } from './ar-help.ts'
import { arCharter } from './ar-charter.ts'
import { arTemplate } from './ar-template.ts'
import { arCore } from './ar-core.ts'
import { arShared } from './ar-shared.ts'
import { arRota } from './ar-rota.ts'
import { arAgenda } from './ar-agenda.ts'
import { arExport } from './ar-export.ts'
import { arCoordination } from './ar-coordination.ts'
import { arWalk } from './ar-walk.ts'
import type { Messages } from './fr.ts'

export const ar: Partial<Messages> = {
  ...arCore,
  ...arShared,
  ...arRota,
  ...arAgenda,
  ...arExport,
  ...arCoordination,
  ...arWalk,
  ...arGuide,
  ...arFirstSteps,
  ...arActing,
  ...arManage,
  ...arPlanning,
  ...arPrint,
  ...arPrivacy,
  ...arAbsence,
  ...arMeetings,
  ...arPartners,
  ...arYear,
  ...arLeave,
  ...arRenew,
  ...arWelcome,
  ...arConsent,
  ...arHelp,
  ...arCharter,
  ...arTemplate,
}
