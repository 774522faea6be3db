// A template file for "Créer à partir d'un modèle" (issue 18): read before the form is sent (on the first visit: light).
import type { TemplateError, TemplateSummary } from '../../domain/export/template.ts'
import type { Result } from '../../lib/result.ts'

export type { TemplateError, TemplateProblem, TemplateSummary } from '../../domain/export/template.ts'

/** Far above a real template (~1 MB for 50 lines of 60 stops): a bigger file is refused before it is read. */
export const TEMPLATE_MAX_BYTES = 2_000_000

/** The template's lines and charter as the create form shows them, or what is wrong with the file. */
export const readTemplate = async (json: string): Promise<Result<TemplateSummary, TemplateError>> => {
  // Loaded with the file: the first screens do without the template's schemas.
  const { parseTemplate, templateSummaryOf } = await import('../../domain/export/template.ts')
  const parsed = parseTemplate(json)
  return parsed.ok ? { ok: true, value: templateSummaryOf(parsed.value) } : parsed
}

