// Turns a collective's SyncStatus into the one short sentence a parent reads, plus its tone (pure, unit-tested).
import type { SyncStatus } from '../../app/api.ts'
import type { MessageKey } from '../i18n/fr.ts'
import { pluralKey, type Language, type Translate } from '../i18n/translate.ts'

export type StatusTone = 'ok' | 'busy' | 'warning' | 'error'

export interface StatusText {
  readonly text: string
  readonly tone: StatusTone
}

/**
 * Most important first: a refusal needs a new invite; being offline explains why changes wait;
 * waiting changes matter more than "saved". `formatTime` renders `offlineSince` as HH:MM.
 */
export const syncStatusText = (
  status: SyncStatus,
  t: Translate,
  language: Language,
  formatTime: (epochMs: number) => string,
): StatusText => {
  const pending = (): string =>
    t(pluralKey<MessageKey>(language, status.pending, 'status.pending.one', 'status.pending.other'), { n: status.pending })

  if (status.connection === 'refused') return { text: t('status.refused'), tone: 'error' }
  if (status.local === 'error') return { text: t('status.localError'), tone: 'error' }
  if (status.local === 'loading') return { text: t('status.loading'), tone: 'busy' }
  if (status.diverged) return { text: t('status.rebuilding'), tone: 'busy' }
  if (status.roomFull) return { text: `${t('status.roomFull')} · ${pending()}`, tone: 'error' }
  if (status.connection === 'offline') {
    const offline = status.offlineSince === null
      ? t('status.offline')
      : t('status.offlineSince', { time: formatTime(status.offlineSince) })
    return { text: status.pending > 0 ? `${offline} · ${pending()}` : offline, tone: 'warning' }
  }
  if (status.pending > 0) return { text: pending(), tone: 'busy' }
  if (status.connection === 'online') return { text: t('status.allOnRelay'), tone: 'ok' }
  return { text: t('status.savedLocal'), tone: 'ok' }
}
