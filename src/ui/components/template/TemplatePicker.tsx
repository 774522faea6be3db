// "Créer à partir d'un modèle" on the create screen (issue 18): picks a template file, reads it whole and shows what it
// holds, or says in words what is wrong with it; the create form below then makes the collective from it.
import { useState } from 'preact/hooks'
import { readTemplate, TEMPLATE_MAX_BYTES, type TemplateProblem, type TemplateSummary } from '../../../app/queries/template.ts'
import { useI18n } from '../../i18n/context.tsx'
import { dateFormat } from '../../i18n/formats.ts'
import type { MessageKey } from '../../i18n/fr.ts'

/** A file read and understood: its text (sent with the form) and what the screen shows of it. */
export interface ChosenTemplate {
  readonly json: string
  readonly summary: TemplateSummary
}

/** What the picker says is wrong: the template's own problems, or the phone's. */
export type TemplatePickerProblem =
  | { readonly problem: TemplateProblem | 'unreadable' | 'storageUnavailable'; readonly line?: number | undefined }

const PROBLEM_KEYS: Readonly<Record<TemplatePickerProblem['problem'], MessageKey>> = {
  tooBig: 'template.error.tooBig',
  notATemplate: 'template.error.notATemplate',
  wrongVersion: 'template.error.wrongVersion',
  invalidLine: 'template.error.invalidLine',
  invalidTemplate: 'template.error.invalidTemplate',
  unreadable: 'template.error.unreadable',
  storageUnavailable: 'template.error.storageUnavailable',
}

interface TemplatePickerProps {
  readonly chosen: ChosenTemplate | null
  readonly onChosen: (chosen: ChosenTemplate | null) => void
  /** A problem found when the collective was made (the form's answer), shown like a file's. */
  readonly problem: TemplatePickerProblem | null
  readonly onProblem: (problem: TemplatePickerProblem | null) => void
}

export function TemplatePicker({ chosen, onChosen, problem, onProblem }: TemplatePickerProps) {
  const { t } = useI18n()
  const [reading, setReading] = useState(false)

  const pick = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0]
    onProblem(null)
    onChosen(null)
    if (file === undefined) return
    if (file.size > TEMPLATE_MAX_BYTES) {
      onProblem({ problem: 'tooBig' })
      input.value = ''
      return
    }
    setReading(true)
    try {
      const json = await file.text()
      const read = await readTemplate(json)
      if (read.ok) onChosen({ json, summary: read.value })
      else onProblem(read.error)
    } catch {
      onProblem({ problem: 'unreadable' })
    } finally {
      setReading(false)
    }
  }

  const describedBy = problem === null ? 'template-intro' : 'template-intro template-error'
  return (
    <section class="card template-picker" aria-labelledby="template-title" data-testid="template-picker">
      <h2 id="template-title">{t('template.createTitle')}</h2>
      <p id="template-intro">{t('template.createIntro')}</p>
      <div class="field">
        <label for="template-file">{t('template.file')}</label>
        <input
          id="template-file"
          type="file"
          accept="application/json,.json"
          disabled={reading}
          aria-describedby={describedBy}
          aria-invalid={problem === null ? undefined : 'true'}
          data-testid="template-file"
          onChange={(event) => void pick(event.currentTarget)}
        />
      </div>
      {reading && <p role="status">{t('template.reading')}</p>}
      {problem !== null && (
        <p class="notice" role="alert" id="template-error" data-testid="template-error">
          {t(PROBLEM_KEYS[problem.problem], { line: problem.line ?? 1 })}
        </p>
      )}
      {chosen !== null && <TemplateSummaryView summary={chosen.summary} />}
    </section>
  )
}

/** The export day in the reader's language; a date the file says (validated as YYYY-MM-DD), read at noon UTC. */
const dayText = (date: string, language: Parameters<typeof dateFormat>[0]): string =>
  dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))

function TemplateSummaryView({ summary }: { readonly summary: TemplateSummary }) {
  const { t, language } = useI18n()
  return (
    <div role="status" data-testid="template-summary">
      <p>{summary.lines.length === 0 ? t('template.noLine') : t('template.found', { date: dayText(summary.exportedOn, language) })}</p>
      {summary.lines.length > 0 && (
        <ul>
          {summary.lines.map((line, index) => (
            <li key={index}>{t('template.foundLine', { name: line.name, stops: line.stops })}</li>
          ))}
        </ul>
      )}
      {summary.hasCharter && <p>{t('template.foundCharter')}</p>}
    </div>
  )
}
