// Counters the relay exposes on /healthz and to tests: counts only, nothing about who or what.

export const COUNTER_NAMES = [
  'connectionsAccepted',
  'connectionsRefused',
  'refusedOrigin',
  'refusedBadRequest',
  'refusedToken',
  'refusedUnknownRoom',
  'refusedRateLimit',
  'refusedRoomMoved',
  'refusedRoomUnavailable',
  'roomsCreated',
  'roomsLoaded',
  'roomsFreed',
  'compactions',
  'roomsRenewed',
  'roomsDeletedRetention',
  'invitationsCreated',
  'invitationsOpened',
  'invitationsRefused',
  'invitationsRevoked',
  'invitationsExpired',
  'readersFiled',
  'readersRemoved',
  'readerUpdatesRefused',
  'renewalsRefused',
  'roomsDeleted',
  'updatesDroppedFrozen',
  'updatesReceived',
  'updatesStored',
  'acksSent',
  'messagesDropped',
  'malformedFrames',
  'oversizeMessages',
  'undecodableMessages',
  'socketErrors',
  'storeErrors',
  'keepalivesSent',
  'deadSocketsTerminated',
  'slowSocketsDropped',
  'updatesApplied',
  'updatesHeld',
  'updatesRefused',
  'updatesConflicting',
  'roomsReset',
  'syncRepliesInParts',
  'roomsDeletedUnused',
  'roomsDeletedIdle',
  'roomsArchived',
  'archivesRefused',
  'roomsDeletedArchived',
  /** Engine mode: updates other relays stored, applied here and forwarded to this relay's sockets. */
  'updatesFollowed',
  /** Engine mode: renewals, archives, evictions and reader removals another relay announced. */
  'clusterEvents',
] as const

export type CounterName = (typeof COUNTER_NAMES)[number]
export type Counters = Record<CounterName, number>

export interface Metrics {
  readonly counters: Counters
  increment(name: CounterName, by?: number): void
}

export const createMetrics = (): Metrics => {
  const counters = Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as Counters
  return {
    counters,
    increment(name, by = 1) {
      counters[name] += by
    },
  }
}
