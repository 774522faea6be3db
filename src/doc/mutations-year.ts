// The new school year on the document: deletes the planned past records and leaving children in one transaction.
import type * as Y from 'yjs'
import type { NewYearPlan, YearRecordKind } from '../domain/year/past-records.ts'
import { YEAR_RECORD_KINDS } from '../domain/year/past-records.ts'
import {
  MAP_ABSENCES, MAP_CHECK_INS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_OFFERS, MAP_PERIOD_OFFERS,
  MAP_PERIOD_RESPONSES, MAP_RELEASES, MAP_RESPONSES, MAP_SIGNUPS, MAP_WALK_EVENTS, MAP_WALK_NOTES, MAP_EXEMPTIONS, Origin, safeMap,
} from './keys.ts'

/** The document map of each kind the domain plans to delete. */
export const MAP_OF_YEAR_KIND: Readonly<Record<YearRecordKind, string>> = {
  signUps: MAP_SIGNUPS,
  offers: MAP_OFFERS,
  responses: MAP_RESPONSES,
  releases: MAP_RELEASES,
  periodOffers: MAP_PERIOD_OFFERS,
  periodResponses: MAP_PERIOD_RESPONSES,
  handoverNotes: MAP_HANDOVER_NOTES,
  handoverAcks: MAP_HANDOVER_ACKS,
  absences: MAP_ABSENCES,
  checkIns: MAP_CHECK_INS,
  walkEvents: MAP_WALK_EVENTS,
  walkNotes: MAP_WALK_NOTES,
  exceptions: MAP_EXCEPTIONS,
  exemptions: MAP_EXEMPTIONS,
  children: MAP_CHILDREN,
}

/**
 * Deletes every planned key still present in one transaction (Origin.startNewSchoolYear): phones
 * and the relay receive deletes, and both compact their stored bytes afterwards. Returns how many
 * entries went. Availability is never rewritten here: a whole-entry rewrite concurrent with a
 * parent's offline save could restore the old entry (last writer wins), and past date exceptions
 * never match a future walk anyway (writeAvailability drops them on every save).
 */
export const applyNewSchoolYear = (doc: Y.Doc, plan: NewYearPlan): number => {
  let deleted = 0
  doc.transact(() => {
    for (const kind of YEAR_RECORD_KINDS) {
      const map = safeMap(doc, MAP_OF_YEAR_KIND[kind])
      if (map === null) continue
      for (const key of plan[kind]) {
        if (!map.has(key)) continue
        map.delete(key)
        deleted += 1
      }
    }
  }, Origin.startNewSchoolYear)
  return deleted
}
