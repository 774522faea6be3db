// Any address the router does not know.
import { PageTitle } from '../components/PageTitle.tsx'
import { useI18n } from '../i18n/context.tsx'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <>
      <PageTitle name="notFound.title" />
      <a class="button button--primary" href="/">{t('notFound.back')}</a>
    </>
  )
}
