// Records "to check": which kinds can be repaired through their edit form, their names, and the repair page's address.
import type { RecordToCheck } from '../../../app/api.ts'
import type { MessageKey } from '../../i18n/fr.ts'

type Kind = RecordToCheck['kind']

/** Kinds with an update command that rewrites every field (see RecordToCheck); the others can only be deleted. */
export const REPAIRABLE_KINDS: ReadonlySet<Kind> = new Set<Kind>(['profile', 'settings', 'family', 'adult', 'child', 'line', 'stop'])

export const isRepairable = (kind: Kind): boolean => REPAIRABLE_KINDS.has(kind)

/** Every kind's name is `manage.kind.<kind>`: a kind without its text in both languages does not compile. */
type KindKey = `manage.kind.${Kind}`
const kindKeyOf = (kind: Kind): KindKey & MessageKey => `manage.kind.${kind}`

export const toCheckKindKey = (kind: Kind): MessageKey => kindKeyOf(kind)

/** The repair page of a record: ids only in the address, never personal data. */
export const repairPath = (collectiveId: string, record: Pick<RecordToCheck, 'kind' | 'key'>): string =>
  `/c/${collectiveId}/verifier/${record.kind}/${encodeURIComponent(record.key)}`
