// The journal's line under a change made for a family at its request (issue 18): who made it, for whom, and when.
// Its own file: the journal is a later screen, its texts are not bundled with the first screens like coordination-text's.
import type { JournalEvent } from '../../../domain/journal/index.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { authorTimeText, familyNameOf } from './coordination-text.ts'

type Names = Pick<CollectiveModel, 'families' | 'lines' | 'adults'>

/**
 * "Fait par Basile (Bernard) à la demande de la famille Colin, le 13/03 à 10:00." under a change a member made for a
 * family without a smartphone (issue 18); null for a change the family made itself.
 */
export const journalOnBehalfText = (t: Translate, language: Language, model: Names, event: JournalEvent): string | null => {
  const behalf = event.onBehalf
  if (behalf === undefined) return null
  const adult = behalf.byAdultId === undefined ? undefined : model.adults.find((candidate) => candidate.id === behalf.byAdultId)
  return t('journal.onBehalf', {
    adult: adult?.firstName ?? t('journal.someone'),
    family: familyNameOf(t, model, behalf.byFamilyId),
    for: familyNameOf(t, model, event.familyId),
    when: authorTimeText(t, language, behalf.at ?? event.at),
  })
}
