// "Créer à partir d'un modèle" (issue 18): the create form and a template file become a new collective, through restore.
//
// The new collective is written like a restored backup (services' restoreCollective: a new room id and a new secret,
// the document written whole on the phone before the collective is listed), from the file the template makes
// (src/domain/export/template.ts: the template's lines and stops under new ids, no person).
import { calendarOfNewCollective, NewCollectiveInputSchema, type NewCollectiveInput } from '../domain/collective.ts'
import { fieldErrorsOf, type FieldErrors } from '../domain/validation.ts'
import type { RoomId } from '../lib/credentials.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { FormResult, RestoreError } from './api.ts'

export interface TemplateCreateDeps {
  readonly restoreCollective: (json: string) => Promise<Result<RoomId, RestoreError>>
  readonly now: () => number
}

export const createFromTemplate = async (deps: TemplateCreateDeps, json: string, input: NewCollectiveInput): Promise<FormResult<RoomId>> => {
  const parsed = NewCollectiveInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  // Loaded with the file: the first screens do without the template's schemas.
  const { collectiveOfTemplate, parseTemplate } = await import('../domain/export/template.ts')
  const template = parseTemplate(json)
  if (!template.ok) return err({ template: template.error.problem })
  const { name, school, town } = parsed.data
  const file = collectiveOfTemplate(template.value, { name, school, town }, calendarOfNewCollective(parsed.data), deps.now())
  const restored = await deps.restoreCollective(JSON.stringify(file))
  if (restored.ok) return ok(restored.value)
  const problem: FieldErrors = restored.error === 'invalidExport' ? { template: 'invalidTemplate' } : { _: 'storageUnavailable' }
  return err(problem)
}
