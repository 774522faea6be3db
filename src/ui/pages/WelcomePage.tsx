// First run: no collective on this phone yet; choose to create one or to join with an invite link.
import { useI18n } from '../i18n/context.tsx'
import { PageTitle } from '../components/PageTitle.tsx'

export function WelcomePage() {
  const { t } = useI18n()
  return (
    <>
      <PageTitle name="welcome.title" />
      <p class="lead">{t('welcome.intro')}</p>
      <section class="card" aria-labelledby="welcome-create">
        <h2 id="welcome-create">{t('welcome.createTitle')}</h2>
        <p>{t('welcome.createText')}</p>
        <a class="button button--primary" href="/creer">{t('welcome.create')}</a>
      </section>
      <section class="card" aria-labelledby="welcome-join">
        <h2 id="welcome-join">{t('welcome.joinTitle')}</h2>
        <p>{t('welcome.joinText')}</p>
        <a class="button" href="/rejoindre">{t('welcome.join')}</a>
      </section>
      <section class="card" aria-labelledby="welcome-demo">
        <h2 id="welcome-demo">{t('rota.welcome.demoTitle')}</h2>
        <p>{t('rota.welcome.demoText')}</p>
        <a class="button" href="/demo">{t('rota.welcome.demo')}</a>
      </section>
    </>
  )
}
