// "Vos données" (/donnees), reachable from the settings: the same text as in a collective, with no collective open.
import { PageTitle } from '../../components/PageTitle.tsx'
import { PrivacyContent } from './PrivacyContent.tsx'

export function PrivacyPage() {
  return (
    <>
      <PageTitle name="privacy.title" />
      <PrivacyContent collective={null} />
    </>
  )
}
