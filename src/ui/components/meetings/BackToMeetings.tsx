// "← Retour aux rencontres": the way back from a meeting's page or the form to the list.
import { useI18n } from '../../i18n/context.tsx'

export function BackToMeetings({ base }: { base: string }) {
  const { t } = useI18n()
  return (
    <p>
      <a class="button" href={`${base}/rencontres`}>
        <span class="flip-rtl" aria-hidden="true">←</span>{' '}
        {t('meetings.back')}
      </a>
    </p>
  )
}
