// Records "to check": which kinds can be repaired through their edit form, their names, and the repair page's address.
import type { RecordToCheck } from '../../../app/api.ts'
import type { MessageKey } from '../../i18n/fr.ts'

type Kind = RecordToCheck['kind']

/** Kinds with an update command that rewrites every field (see RecordToCheck); the others can only be deleted. */
export const REPAIRABLE_KINDS: ReadonlySet<Kind> = new Set<Kind>(['profile', 'settings', 'family', 'adult', 'child', 'line', 'stop'])

export const isRepairable = (kind: Kind): boolean => REPAIRABLE_KINDS.has(kind)

const KIND_KEYS: Readonly<Record<Kind, MessageKey>> = {
  profile: 'toCheck.kind.profile',
  settings: 'manage.kind.settings',
  family: 'toCheck.kind.family',
  adult: 'manage.kind.adult',
  child: 'manage.kind.child',
  line: 'manage.kind.line',
  stop: 'manage.kind.stop',
  exception: 'manage.kind.exception',
  holiday: 'manage.kind.holiday',
  holidayOverride: 'manage.kind.holidayOverride',
  signUp: 'manage.kind.signUp',
  offer: 'manage.kind.offer',
  swapResponse: 'manage.kind.swapResponse',
  release: 'manage.kind.release',
  rosterEntry: 'manage.kind.rosterEntry',
  periodOffer: 'manage.kind.periodOffer',
  periodResponse: 'manage.kind.periodResponse',
  handoverNote: 'manage.kind.handoverNote',
  handoverAck: 'manage.kind.handoverAck',
  absence: 'manage.kind.absence',
  checkIn: 'manage.kind.checkIn',
  walkEvent: 'manage.kind.walkEvent',
  walkNote: 'manage.kind.walkNote',
  availability: 'planning.kind.availability',
  exemption: 'planning.kind.exemption',
  meeting: 'manage.kind.meeting',
}

export const toCheckKindKey = (kind: Kind): MessageKey => KIND_KEYS[kind]

/** The repair page of a record: ids only in the address, never personal data. */
export const repairPath = (collectiveId: string, record: Pick<RecordToCheck, 'kind' | 'key'>): string =>
  `/c/${collectiveId}/verifier/${record.kind}/${encodeURIComponent(record.key)}`
