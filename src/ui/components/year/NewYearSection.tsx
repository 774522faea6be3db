// "Fin d'année scolaire" on the collective settings page: archive the year (download), then start the new one after a summary and a confirmation.
import { useMemo, useState } from 'preact/hooks'
import type { CollectiveView, SessionState, YearCommands } from '../../../app/api.ts'
import { nextSchoolYearStart, parseLocalDate, schoolYearEndingBefore } from '../../../app/queries/calendar.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { archiveExportJson, archiveFileName, newYearSummary } from '../../../app/queries/year.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { ChildId } from '../../../domain/ids.ts'
import type { NewYearSummary } from '../../../domain/year/index.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import { pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { downloadTextFile } from '../agenda/download-file.ts'
import { CheckboxField, InputField } from '../manage/fields.tsx'

const JSON_TYPE = 'application/json;charset=utf-8'

type Removed = keyof NewYearSummary['removed']
const REMOVED_KEYS: Readonly<Record<Removed, readonly [MessageKey, MessageKey]>> = {
  signUps: ['year.signUps.one', 'year.signUps.other'],
  swaps: ['year.swaps.one', 'year.swaps.other'],
  absences: ['year.absences.one', 'year.absences.other'],
  walkLog: ['year.walkLog.one', 'year.walkLog.other'],
  walkNotes: ['year.walkNotes.one', 'year.walkNotes.other'],
  exceptions: ['year.exceptions.one', 'year.exceptions.other'],
  exemptions: ['year.exemptions.one', 'year.exemptions.other'],
  coordination: ['year.coordination.one', 'year.coordination.other'],
  children: ['year.children.one', 'year.children.other'],
}

/** The order of the summary: what people count first. */
const REMOVED_ORDER: readonly Removed[] = ['signUps', 'absences', 'walkLog', 'walkNotes', 'swaps', 'exceptions', 'exemptions', 'coordination', 'children']

const count = (t: Translate, language: Language, n: number, [one, other]: readonly [MessageKey, MessageKey]): string =>
  t(pluralKey(language, n, one, other), { n })

/** "Seront effacés : 412 inscriptions, 35 absences…" (or "Rien à effacer…"). */
export const removedText = (t: Translate, language: Language, summary: NewYearSummary): string => {
  const parts = REMOVED_ORDER
    .filter((kind) => summary.removed[kind] > 0)
    .map((kind) => count(t, language, summary.removed[kind], REMOVED_KEYS[kind]))
  return parts.length === 0 ? t('year.removedNone') : t('year.removedIntro', { list: parts.join(', ') })
}

const keptText = (t: Translate, language: Language, summary: NewYearSummary): string =>
  t('year.keptIntro', {
    list: [
      count(t, language, summary.kept.lines, ['year.lines.one', 'year.lines.other']),
      count(t, language, summary.kept.families, ['year.families.one', 'year.families.other']),
      count(t, language, summary.kept.children, ['year.keptChildren.one', 'year.keptChildren.other']),
    ].join(', '),
  })

export function NewYearSection({ session, view }: {
  readonly session: SessionState & YearCommands
  readonly view: CollectiveView
}) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [firstDay, setFirstDay] = useState<string>(() => nextSchoolYearStart(todayIn(Date.now()), view.settings.holidayZone))
  const [leaving, setLeaving] = useState<ReadonlySet<ChildId>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const [archived, setArchived] = useState(false)
  const [problem, setProblem] = useState<'archiveFailed' | 'failed' | null>(null)

  const before: LocalDate | null = parseLocalDate(firstDay)
  const schoolYear = schoolYearEndingBefore(before ?? nextSchoolYearStart(todayIn(Date.now()), view.settings.holidayZone))
  // Computed from the view shown: the same plan the session applies on confirmation.
  const summary = useMemo(
    () => (before === null ? null : newYearSummary(view, { before, removeChildIds: [...leaving] })),
    [view, before, leaving],
  )

  const archive = () => {
    const fileName = archiveFileName(schoolYear)
    try {
      downloadTextFile(fileName, archiveExportJson(session.view.get(), Date.now(), schoolYear), JSON_TYPE)
      setArchived(true)
      setProblem(null)
      announce(t('year.archived', { file: fileName }))
    } catch (error) {
      setProblem('archiveFailed')
      console.error('archive failed', error instanceof Error ? error.name : 'unknown')
    }
  }

  const toggle = (id: ChildId, checked: boolean) => {
    const next = new Set(leaving)
    if (checked) next.add(id)
    else next.delete(id)
    setLeaving(next)
  }

  const start = () => {
    if (before === null) return
    const result = session.startNewSchoolYear({ before, removeChildIds: [...leaving] })
    setConfirming(false)
    if (!result.ok) {
      setProblem('failed')
      return
    }
    setProblem(null)
    setLeaving(new Set())
    announce(t('year.done', { removed: removedText(t, language, result.value) }))
  }

  const familyName = new Map(view.families.map((family) => [family.id, family.displayName]))
  const families = view.families.map((family) => ({ family, children: view.children.filter((child) => child.familyId === family.id) }))
    .filter((entry) => entry.children.length > 0)

  return (
    <section class="card new-year" aria-labelledby="year-title" data-testid="new-year">
      <h2 id="year-title">{t('year.title')}</h2>
      <p>{t('year.intro')}</p>

      <h3>{t('year.step1')}</h3>
      <p class="field__hint" id="year-archive-hint">{t('year.archiveHint')}</p>
      <button type="button" class="button" aria-describedby="year-archive-hint" data-testid="year-archive" onClick={archive}>
        {t('year.archive', { year: schoolYear })}
      </button>
      {problem === 'archiveFailed' && <p class="notice" role="alert">{t('year.archiveFailed')}</p>}

      <h3>{t('year.step2')}</h3>
      <InputField
        id="year-first-day" type="date" label={t('year.firstDay')} hint={t('year.firstDayHint')} value={firstDay}
        onInput={(value) => { setFirstDay(value); setConfirming(false) }} error={before === null ? t('year.badDate') : null}
      />
      <fieldset class="field" aria-describedby="year-leaving-hint" data-testid="year-leaving">
        <legend>{t('year.leaving')}</legend>
        <p class="field__hint" id="year-leaving-hint">{t('year.leavingHint')}</p>
        {families.length === 0 && <p>{t('year.noChildren')}</p>}
        {families.map(({ family, children }) => (
          <fieldset key={family.id} class="field">
            <legend>{familyName.get(family.id)}</legend>
            {children.map((child) => (
              <CheckboxField
                key={child.id} id={`year-leaving-${child.id}`} label={t('year.childLabel', { name: child.firstName, initial: child.initial })}
                checked={leaving.has(child.id)} onChange={(checked) => { toggle(child.id, checked); setConfirming(false) }}
              />
            ))}
          </fieldset>
        ))}
      </fieldset>

      {summary !== null && (
        <div aria-live="polite" data-testid="year-summary">
          <p>{removedText(t, language, summary)}</p>
          <p>{keptText(t, language, summary)}</p>
        </div>
      )}
      {!archived && <p class="notice" id="year-archive-first">{t('year.archiveFirst')}</p>}
      {!confirming && (
        <button
          type="button" class="button" disabled={summary === null} data-testid="year-start"
          aria-describedby={archived ? undefined : 'year-archive-first'} onClick={() => setConfirming(true)}
        >
          {t('year.start')}
        </button>
      )}
      {confirming && summary !== null && (
        <div role="alertdialog" aria-labelledby="year-confirm-title" aria-describedby="year-confirm-text" class="notice" data-testid="year-confirm">
          <h3 id="year-confirm-title">{t('year.confirmTitle')}</h3>
          <p id="year-confirm-text">{t('year.confirmText', { removed: removedText(t, language, summary) })}</p>
          <button type="button" class="button button--primary" data-testid="year-confirm-yes" onClick={start}>{t('year.confirm')}</button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>{t('year.cancel')}</button>
        </div>
      )}
      {problem === 'failed' && <p class="notice" role="alert">{t('year.failed')}</p>}
    </section>
  )
}
