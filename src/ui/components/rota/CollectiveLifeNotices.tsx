// Notices about the collective itself (issue 16), in the collective's notice area: the relay's retention warning with
// "Garder le collectif sur le relais", and, from the summer holidays, the prompt to archive the year and prepare the
// next one (dismissed on this phone per school year).
import type { SessionIdentity, SessionState, YearCommands } from '../../../app/api.ts'
import { yearEndPromptOf } from '../../../app/queries/year.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { dateFormat } from '../../i18n/formats.ts'
import { DismissButton } from './DismissButton.tsx'
import { todayIn } from './rota-format.ts'
import { useNow } from './useRotaNow.ts'

interface Props {
  readonly session: SessionState & SessionIdentity & Pick<YearCommands, 'keepOnRelay'>
  readonly shown: (key: string) => boolean
  readonly onDismiss: (key: string) => void
}

export const yearEndNoticeKey = (schoolYear: string): string => `year-end|${schoolYear}`

export function CollectiveLifeNotices({ session, shown, onDismiss }: Props) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const status = useStore(session.status)
  const view = useStore(session.view)
  const now = useNow()
  const prompt = status.archived ? null : yearEndPromptOf(view, todayIn(now))
  const deletesOn = status.relayDeletesOn
  const keep = () => {
    const result = session.keepOnRelay()
    announce(t(result.ok ? 'notice.retentionKept' : 'notice.retentionFailed'))
  }
  const day = deletesOn === null ? null
    : dateFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(Date.parse(`${deletesOn}T00:00:00Z`))
  return (
    <>
      {day !== null && (
        <div class="notice-waiting notice-item" data-testid="retention-notice">
          <div>
            <p>{t('notice.retention', { date: day })}</p>
            <button type="button" class="button" onClick={keep}>{t('notice.retentionKeep')}</button>
          </div>
        </div>
      )}
      {prompt !== null && shown(yearEndNoticeKey(prompt.schoolYear)) && (
        <div class="notice-item" data-testid="year-end-notice">
          <div>
            <p id="year-end-notice">{t('notice.yearEnd', { year: prompt.schoolYear })}</p>
            <a class="button" href={`/c/${session.id}/parametres#year-title`}>{t('notice.yearEndLink')}</a>
          </div>
          <DismissButton textId="year-end-notice" onDismiss={() => onDismiss(yearEndNoticeKey(prompt.schoolYear))} />
        </div>
      )}
    </>
  )
}
