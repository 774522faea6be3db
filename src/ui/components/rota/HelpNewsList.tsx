// The coups de main news of the collective's notice area: who answered my family's request, that a requester counts
// on us, that the places were taken, that a request we helped with was cancelled. Each links to the request.
import { useMemo } from 'preact/hooks'
import type { SessionState } from '../../../app/api.ts'
import { helpNewsOf, type HelpNews } from '../../../app/queries/help.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import { DismissButton } from './DismissButton.tsx'
import { helpNoticeWhatText } from './help-text.ts'

const TEXT: Readonly<Record<HelpNews['kind'], MessageKey>> = {
  answered: 'notice.help.answered',
  confirmed: 'notice.help.confirmed',
  waiting: 'notice.help.waiting',
  cancelled: 'notice.help.cancelled',
}

interface HelpNewsListProps {
  readonly session: Pick<SessionState, 'view'>
  readonly base: string
  readonly familyId: FamilyId | null
  readonly now: number
  readonly shown: (key: string) => boolean
  readonly onDismiss: (key: string) => void
}

/** In a polite live region: an answer arriving with a sync is read out on whatever screen the family is on. */
export function HelpNewsList({ session, base, familyId, now, shown, onDismiss }: HelpNewsListProps) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const all = useMemo(() => helpNewsOf(view, familyId, now), [view, familyId, now])
  const news = all.filter((item) => shown(item.key))
  const names = useMemo(() => new Map(view.families.map((family) => [family.id, family.displayName])), [view.families])
  return (
    <div class="notices" aria-live="polite" data-testid="help-notices">
      {news.length > 0 && <h2 class="visually-hidden">{t('notice.help.title')}</h2>}
      {news.map((item, index) => {
        const what = helpNoticeWhatText(t, language, item.request, view)
        const family = names.get(item.familyId) ?? t('notice.help.someone')
        return (
          <div key={item.key} class="swap-notice notice-item" data-testid="notice-item">
            <div>
              <p id={`help-notice-${index}`} data-testid="help-notice" data-kind={item.kind}>
                <span aria-hidden="true">{item.kind === 'waiting' || item.kind === 'cancelled' ? '⚠ ' : '✓ '}</span>
                {t(TEXT[item.kind], { family, what })}
              </p>
              <a class="button" href={`${base}/coups-de-main/${item.request.id}`} aria-label={t('notice.help.openLabel', { what })}>
                {t('notice.help.open')}
              </a>
            </div>
            <DismissButton textId={`help-notice-${index}`} onDismiss={() => onDismiss(item.key)} />
          </div>
        )
      })}
    </div>
  )
}
