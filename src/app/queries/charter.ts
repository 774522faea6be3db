// The collective's charter for the screens (issue 18): its text when one was written, and the form's limit.
import type { CollectiveView } from '../api.ts'
export { CHARTER_MAX } from '../../domain/charter.ts'

/**
 * The charter's text, or null when the collective has none (a screen then shows the default charter to adapt, the
 * message 'charter.default' in the reader's language).
 */
export const charterOf = (view: Pick<CollectiveView, 'charter'>): string | null => view.charter?.text ?? null
