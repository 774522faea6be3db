// The session's charter and template commands (issue 18): what the settings screen may change and export.
import type { CharterInput } from '../domain/charter.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { Result } from '../lib/result.ts'

export interface CharterCommands {
  /** Writes the collective's charter (any member); '' removes it. The text as stored, or field errors (`text`). */
  setCharter(input: CharterInput): Result<string, FieldErrors>
  /**
   * "Exporter comme modèle": the collective as a template file ('pedibus-coop/template', src/domain/export/template.ts):
   * lines, stops, settings, the kinds of coups de main and the charter; no person, record of a person, or record id.
   */
  exportTemplate(): string
}
