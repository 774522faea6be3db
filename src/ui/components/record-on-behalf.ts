// The line under an absence or an availability a member saved for a family without a smartphone, at its request.
// Its own file: the absence and planning screens share it, and neither bundles the journal's texts.
import type { FamilyId } from '../../domain/ids.ts'
import type { CollectiveModel } from '../../domain/model.ts'
import type { OnBehalf } from '../../domain/on-behalf.ts'
import type { Language, Translate } from '../i18n/translate.ts'
import { authorTimeText, familyNameOf } from './coordination/coordination-text.ts'

type Names = Pick<CollectiveModel, 'families' | 'adults'>

/** What the line reads of a record: the family it was written for, its author time and its on-behalf mark. */
export interface MarkedRecord {
  readonly familyId: FamilyId
  readonly at?: string
  readonly onBehalf?: OnBehalf
}

export type RecordOnBehalfKey = 'absence.list.onBehalf' | 'planning.availability.onBehalf'

/**
 * "Signalée par Basile (Bernard) à la demande de la famille Colin, le 13/03 à 10:00."; null for a record the family
 * wrote itself. An adult removed since reads as "quelqu’un": the family's name still says who helped.
 */
export const recordOnBehalfText = (
  t: Translate, language: Language, model: Names, record: MarkedRecord, key: RecordOnBehalfKey,
): string | null => {
  const behalf = record.onBehalf
  if (behalf === undefined) return null
  const adult = behalf.byAdultId === undefined
    ? undefined
    : model.adults.find((candidate) => candidate.id === behalf.byAdultId)
  return t(key, {
    adult: adult?.firstName ?? t('journal.someone'),
    family: familyNameOf(t, model, behalf.byFamilyId),
    for: familyNameOf(t, model, record.familyId),
    when: authorTimeText(t, language, behalf.at ?? record.at),
  })
}
