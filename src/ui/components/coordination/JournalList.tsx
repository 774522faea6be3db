// The journal screen's body: filters by family and line, the count (announced), and one plain-text line per event with when it was written, in Paris time (who walked under a walk done, a logbook note's text under its line).
import { useMemo, useState } from 'preact/hooks'
import type { LinesView, PeopleView, WalkLogView } from '../../../app/api.ts'
import type { JournalEvent } from '../../../domain/journal/index.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import { SelectField } from '../manage/fields.tsx'
import { filteredJournal, journalNoteText } from '../../../app/queries/journal.ts'
import { authorTimeText, journalDutyText, journalLineText } from './coordination-text.ts'
import { journalOnBehalfText } from './journal-on-behalf.ts'

export function JournalList({ view, events }: { view: PeopleView & LinesView & WalkLogView; events: readonly JournalEvent[] }) {
  const { t, language } = useI18n()
  const [familyId, setFamilyId] = useState('')
  const [lineId, setLineId] = useState('')
  const shown = useMemo(() => filteredJournal(events, familyId, lineId), [events, familyId, lineId])
  const all = { value: '', label: t('journal.all') }
  return (
    <>
      <fieldset class="journal-filters">
        <legend>{t('journal.filters')}</legend>
        <SelectField id="journal-family" label={t('journal.family')} value={familyId} onChange={setFamilyId} options={[all, ...view.families.map((family) => ({ value: family.id, label: family.displayName }))]} />
        <SelectField id="journal-line" label={t('journal.line')} value={lineId} onChange={setLineId} options={[all, ...view.lines.map((line) => ({ value: line.id, label: line.name }))]} />
      </fieldset>
      <p role="status" data-testid="journal-count">{t(pluralKey(language, shown.length, 'journal.count.one', 'journal.count.other'), { n: shown.length })}</p>
      {shown.length === 0 ? (
        <p>{t('journal.empty')}</p>
      ) : (
        <ol class="journal-list" data-testid="journal">
          {shown.map((event) => (
            <li key={event.ref} data-testid="journal-entry" data-kind={event.kind}>
              <span data-testid="journal-text">{journalLineText(t, language, view, event)}</span>
              <JournalDuty text={journalDutyText(t, language, view, event)} />
              <JournalNote text={journalNoteText(view, event)} />
              <JournalOnBehalf text={journalOnBehalfText(t, language, view, event)} />
              <span class="journal-time muted">{authorTimeText(t, language, event.at)}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

/** Who walked and how many children under a walk-done line. */
function JournalDuty({ text }: { text: string | null }) {
  return text === null ? null : <span class="journal-duty" data-testid="journal-duty">{text}</span>
}

/** A logbook note's text under its journal line (rendered as text, never as HTML). */
function JournalNote({ text }: { text: string | null }) {
  const { t } = useI18n()
  return text === null ? null : <span class="journal-note" data-testid="journal-note">{t('journal.noteText', { text })}</span>
}

/** "Fait par Basile (Bernard) à la demande de la famille Colin, le …" under a change made for a family (issue 18). */
function JournalOnBehalf({ text }: { text: string | null }) {
  return text === null ? null : <span class="journal-duty" data-testid="journal-on-behalf">{text}</span>
}
