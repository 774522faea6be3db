// "Fin d'année scolaire" on the collective settings page: a copy to keep, the new year (a new document generation) after
// a summary and a confirmation, and the archived years of this collective.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { CollectiveView, GenerationError, SessionIdentity, SessionState } from '../../../app/api.ts'
import type { RoomId } from '../../../lib/credentials.ts'
import { useServices } from '../../hooks/services.ts'
import { nextSchoolYearStart, parseLocalDate, schoolYearEndingBefore } from '../../../app/queries/calendar.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { archiveExportJson, archiveFileName, newYearSummary } from '../../../app/queries/year.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { ChildId } from '../../../domain/ids.ts'
import type { NewYearSummary } from '../../../domain/year/index.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { commaList } from '../../i18n/formats.ts'
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
  return parts.length === 0 ? t('year.removedNone') : t('year.removedIntro', { list: commaList(language, parts) })
}

const keptText = (t: Translate, language: Language, summary: NewYearSummary): string =>
  t('year.keptIntro', {
    list: commaList(language, [
      count(t, language, summary.kept.lines, ['year.lines.one', 'year.lines.other']),
      count(t, language, summary.kept.families, ['year.families.one', 'year.families.other']),
      count(t, language, summary.kept.children, ['year.keptChildren.one', 'year.keptChildren.other']),
    ]),
  })

const GENERATION_ERRORS: Readonly<Record<GenerationError, MessageKey>> = {
  offline: 'year.offline',
  notSynced: 'year.notSynced',
  relayRefused: 'year.relayRefused',
  relayUnreachable: 'year.relayUnreachable',
  storageUnavailable: 'year.storageUnavailable',
  invalidRequest: 'year.failed',
  notBuiltYet: 'year.relayUnreachable',
}

export function NewYearSection({ session, view }: {
  readonly session: SessionState & Pick<SessionIdentity, 'id'>
  readonly view: CollectiveView
}) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const services = useServices()
  const { route } = useLocation()
  const [working, setWorking] = useState(false)
  const [firstDay, setFirstDay] = useState<string>(() => nextSchoolYearStart(todayIn(Date.now()), view.settings.holidayZone))
  const [leaving, setLeaving] = useState<ReadonlySet<ChildId>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<MessageKey | null>(null)

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
      setProblem(null)
      announce(t('year.archived', { file: fileName }))
    } catch (error) {
      setProblem('year.archiveFailed')
      console.error('archive failed', error instanceof Error ? error.name : 'unknown')
    }
  }

  const toggle = (id: ChildId, checked: boolean) => {
    const next = new Set(leaving)
    if (checked) next.add(id)
    else next.delete(id)
    setLeaving(next)
  }

  const start = async () => {
    if (before === null || summary === null || working) return
    setConfirming(false)
    setWorking(true)
    const next = { startsOn: before, removeChildIds: [...leaving], archiveLabel: schoolYear, reason: 'newSchoolYear' as const }
    const result = await services.startNewGeneration(session.id, next)
    setWorking(false)
    if (!result.ok) {
      setProblem(GENERATION_ERRORS[result.error])
      return
    }
    setProblem(null)
    setLeaving(new Set())
    announce(t('year.done', { removed: removedText(t, language, summary) }))
    route(`/c/${result.value}/parametres`)
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
      {problem === 'year.archiveFailed' && <p class="notice" role="alert">{t('year.archiveFailed')}</p>}

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
      {!confirming && (
        <button type="button" class="button" disabled={summary === null || working} data-testid="year-start" onClick={() => setConfirming(true)}>
          {t(working ? 'year.working' : 'year.start')}
        </button>
      )}
      {confirming && summary !== null && (
        <div role="alertdialog" aria-labelledby="year-confirm-title" aria-describedby="year-confirm-text" class="notice" data-testid="year-confirm">
          <h3 id="year-confirm-title">{t('year.confirmTitle')}</h3>
          <p id="year-confirm-text">{t('year.confirmText', { removed: removedText(t, language, summary) })}</p>
          <button type="button" class="button button--primary" data-testid="year-confirm-yes" onClick={() => void start()}>{t('year.confirm')}</button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>{t('year.cancel')}</button>
        </div>
      )}
      {problem !== null && problem !== 'year.archiveFailed' && <p class="notice" role="alert" data-testid="year-problem">{t(problem)}</p>}
      <ArchivedYears id={session.id} />
    </section>
  )
}

/** The archived generations of this collective kept on this phone, each opened on demand (read-only). */
function ArchivedYears({ id }: { readonly id: RoomId }) {
  const { t } = useI18n()
  const services = useServices()
  const [archives, setArchives] = useState<ReadonlyArray<{ readonly id: RoomId; readonly label: string }>>([])
  useEffect(() => {
    let mounted = true
    void services.archivesOf(id).then((found) => mounted && setArchives(found))
    return () => {
      mounted = false
    }
  }, [services, id])
  if (archives.length === 0) return null
  return (
    <>
      <h3 id="year-archives-title">{t('year.archives.title')}</h3>
      <p class="field__hint">{t('year.archives.hint')}</p>
      <ul class="list" aria-labelledby="year-archives-title" data-testid="year-archives">
        {archives.map((archive) => (
          <li key={archive.id} class="list__item actions">
            <a class="button" href={`/c/${archive.id}/journal`}>{t('year.archives.journal', { year: archive.label })}</a>
            <a class="button" href={`/c/${archive.id}/equite`}>{t('year.archives.fairness', { year: archive.label })}</a>
          </li>
        ))}
      </ul>
    </>
  )
}
