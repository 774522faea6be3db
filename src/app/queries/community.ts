// The home's "Entre familles" block: open coups de main near in time and the next meeting, so neither scrolls away.
import type { LocalDate } from '../../domain/dates.ts'
import type { HelpRequest } from '../../domain/help/records.ts'
import { resolveHelp } from '../../domain/help/resolve.ts'
import type { FamilyId } from '../../domain/ids.ts'
import { NO_HELP } from '../../domain/help/records.ts'
import { helpNearInTime, type HelpView } from './help.ts'
import { meetingsList, type MeetingSummary, type MeetingsView } from './meetings.ts'

/** How many requests the block lists before "Voir tout". */
export const HOME_HELP_MAX = 3

export interface HomeHelp {
  readonly request: HelpRequest
  readonly placesLeft: number
  /** Posted by my family: shown with its answers count rather than "Je peux". */
  readonly mine: boolean
}

export interface CommunityHome {
  readonly help: readonly HomeHelp[]
  /** Open requests near in time beyond those listed. */
  readonly moreHelp: number
  readonly nextMeeting: MeetingSummary | null
}

export const communityHomeOf = (
  view: HelpView & MeetingsView, familyId: FamilyId | null, today: LocalDate, now: number,
): CommunityHome => {
  const near = helpNearInTime(view, now)
  const answers = (view.help ?? NO_HELP).answers
  const help = near.slice(0, HOME_HELP_MAX).map((request) => ({
    request, placesLeft: request.needed - resolveHelp(request, answers).holders.length, mine: request.familyId === familyId,
  }))
  return { help, moreHelp: near.length - help.length, nextMeeting: meetingsList(view, today, familyId).upcoming[0] ?? null }
}
