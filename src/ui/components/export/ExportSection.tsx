// "Exporter les données" on the collective settings page: my family's JSON, the whole collective's JSON, the rota as CSV for a date range.
import { useState } from 'preact/hooks'
import type { CharterCommands, ExportCommands, SessionIdentity } from '../../../app/api.ts'
import { parseLocalDate, schoolYearOf } from '../../../app/queries/calendar.ts'
import { rotaCsvFileName, templateFileName } from '../../../app/queries/exports.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { downloadTextFile } from '../agenda/download-file.ts'
import { InputField } from '../manage/fields.tsx'
import { rotaCsvTexts } from './rota-csv-texts.ts'

const JSON_TYPE = 'application/json;charset=utf-8'
const CSV_TYPE = 'text/csv;charset=utf-8'

/** File names carry a kind and a date only: never a family's or the collective's name. */
const jsonFileName = (kind: 'famille' | 'collectif', at: number): string => `pedibus-${kind}-${todayIn(at)}.json`

export function ExportSection({ session }: { readonly session: SessionIdentity & ExportCommands & Pick<CharterCommands, 'exportTemplate'> }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  // This school year by default: the range a coordinator usually wants in a spreadsheet.
  const [from, setFrom] = useState<string>(() => schoolYearOf(todayIn(Date.now())).from)
  const [to, setTo] = useState<string>(() => schoolYearOf(todayIn(Date.now())).to)
  const [failed, setFailed] = useState(false)
  const [badRange, setBadRange] = useState(false)

  /** Builds the file at the click (the view may have moved since the last render) and downloads it. */
  const save = (fileName: string, build: () => string | null, type: string): void => {
    try {
      const text = build()
      if (text === null) throw new Error('nothing to export')
      downloadTextFile(fileName, text, type)
      setFailed(false)
      announce(t('export.done', { file: fileName }))
    } catch (error) {
      setFailed(true)
      console.error('export failed', error instanceof Error ? error.name : 'unknown')
    }
  }

  const exportFamily = () => {
    const familyId = me.familyId
    if (familyId === null) return
    save(jsonFileName('famille', Date.now()), () => session.exportFamily(familyId), JSON_TYPE)
  }
  const exportCollective = () => save(jsonFileName('collectif', Date.now()), () => session.exportCollective(), JSON_TYPE)
  const exportTemplate = () => save(templateFileName(Date.now()), () => session.exportTemplate(), JSON_TYPE)
  const exportRota = () => {
    const start = parseLocalDate(from)
    const end = parseLocalDate(to)
    if (start === null || end === null || end < start) {
      setBadRange(true)
      return
    }
    setBadRange(false)
    save(rotaCsvFileName(start, end), () => session.exportRotaCsv(start, end, rotaCsvTexts(t, language)), CSV_TYPE)
  }

  return (
    <section class="card export" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      <p class="notice" data-testid="export-warning">{t('export.warning')}</p>

      <p class="field__hint" id="export-family-hint">{t('export.familyHint')}</p>
      {me.familyId === null && <p class="field__hint" id="export-family-reason">{t('export.familyWhoFirst')}</p>}
      <button
        type="button"
        class="button"
        disabled={me.familyId === null}
        aria-describedby={me.familyId === null ? 'export-family-hint export-family-reason' : 'export-family-hint'}
        data-testid="export-family"
        onClick={exportFamily}
      >
        {t('export.family')}
      </button>

      <p class="field__hint" id="export-collective-hint">{t('export.collectiveHint')}</p>
      <button type="button" class="button" aria-describedby="export-collective-hint" data-testid="export-collective" onClick={exportCollective}>
        {t('export.collective')}
      </button>

      <p class="field__hint" id="export-template-hint">{t('template.exportHint')}</p>
      <button type="button" class="button" aria-describedby="export-template-hint" data-testid="export-template" onClick={exportTemplate}>
        {t('template.export')}
      </button>

      <p class="field__hint" id="export-rota-hint">{t('export.rotaHint')}</p>
      <InputField id="export-from" type="date" label={t('export.from')} value={from} onInput={setFrom} error={badRange ? t('export.badRange') : null} />
      <InputField id="export-to" type="date" label={t('export.to')} value={to} onInput={setTo} />
      <button type="button" class="button" aria-describedby="export-rota-hint" data-testid="export-rota" onClick={exportRota}>
        {t('export.rota')}
      </button>
      {failed && <p class="notice" role="alert">{t('export.failed')}</p>}
    </section>
  )
}
