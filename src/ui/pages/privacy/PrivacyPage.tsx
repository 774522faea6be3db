// "Vos données" (/donnees), reachable from the settings: the same text as in a collective, with no collective open.
import { PageTitle } from '../../components/PageTitle.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { PrivacyContent } from './PrivacyContent.tsx'

export function PrivacyPage() {
  const { t } = useI18n()
  return (
    <>
      <PageTitle>{t('privacy.title')}</PageTitle>
      <PrivacyContent familyHref={null} />
    </>
  )
}
