// Shown when the address names a collective this phone does not hold (forgotten, or a mistyped address).
import { PageTitle } from '../components/PageTitle.tsx'
import { useI18n } from '../i18n/context.tsx'

export function MissingCollective() {
  const { t } = useI18n()
  return (
    <>
      <PageTitle name="home.notFound" />
      <div class="actions">
        <a class="button button--primary" href="/collectifs">{t('nav.collectives')}</a>
        <a class="button" href="/rejoindre">{t('welcome.join')}</a>
      </div>
    </>
  )
}
