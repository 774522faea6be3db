// "Créer un collectif": the profile form; on success, the guided set-up of the new collective (first line, first family, invite).
import { useLocation } from 'preact-iso'
import type { CollectiveProfileInput } from '../../domain/collective.ts'
import { PageTitle } from '../components/PageTitle.tsx'
import { ProfileForm } from '../components/ProfileForm.tsx'
import { useServices } from '../hooks/services.ts'
import { useI18n } from '../i18n/context.tsx'

export function CreatePage() {
  const { t } = useI18n()
  const services = useServices()
  const { route } = useLocation()

  const create = async (input: CollectiveProfileInput) => {
    const result = await services.createCollective(input)
    if (result.ok) route(`/c/${result.value}/demarrage/ligne`)
    return result
  }

  return (
    <>
      <PageTitle>{t('create.title')}</PageTitle>
      <p>{t('create.intro')}</p>
      <ProfileForm idPrefix="create" submitLabel={t('create.submit')} onSubmit={create} />
    </>
  )
}
