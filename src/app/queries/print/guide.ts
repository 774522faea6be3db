// The guide "Monter un pédibus" read side: the collective's place, its lines with their stops, its charter; by
// construction nothing about people (no family, adult or child reaches the guide's props).
import type { CollectiveView } from '../../api.ts'
import type { Line, Stop } from '../../../domain/line.ts'
import { charterOf } from '../charter.ts'
import { stopsOfLine } from '../collective.ts'

/** What the cover names: the collective, its school and town (null before the profile arrived). */
export interface GuidePlace {
  readonly collective: string | null
  readonly school: string | null
  readonly town: string | null
}

/** One line's poster in the guide: the line and its stops in stop order (the aller). */
export interface GuideLine {
  readonly line: Line
  readonly stops: readonly Stop[]
}

export interface GuideModel {
  readonly place: GuidePlace
  readonly lines: readonly GuideLine[]
  /** The collective's own charter, or null: the guide then prints the default one, to adapt. */
  readonly charter: string | null
}

const textOrNull = (text: string | undefined): string | null => (text?.trim() ? text.trim() : null)

export const guideOf = (view: CollectiveView): GuideModel => ({
  place: {
    collective: textOrNull(view.profile?.name),
    school: textOrNull(view.profile?.school),
    town: textOrNull(view.profile?.town),
  },
  lines: [...view.lines]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : 1))
    .map((line) => ({ line, stops: stopsOfLine(view.stops, line.id) })),
  charter: charterOf(view),
})
