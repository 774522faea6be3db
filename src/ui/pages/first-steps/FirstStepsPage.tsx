// "Premiers pas" (/premiers-pas, /c/:id/premiers-pas): installing the app on the home screen (the browser's own
// prompt where it exists), what works offline, how to get a replacement, how the data is protected.
import { useRoute } from 'preact-iso'
import { useState } from 'preact/hooks'
import { installPromptOf, isAppleMobile, type InstallOutcome } from '../../../pwa/install-prompt.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { BackLink } from '../manage/SessionGate.tsx'
import './first-steps.css'

export function FirstStepsPage() {
  const { t } = useI18n()
  const { params } = useRoute()
  const base = params.id === undefined ? '' : `/c/${params.id}`
  return (
    <>
      <PageTitle name="firstSteps.title" />
      <p>{t('firstSteps.intro')}</p>
      <InstallSection />
      <OfflineSection />
      <SwapSection />
      <section class="card first-steps" aria-labelledby="first-steps-acting">
        <h2 id="first-steps-acting">{t('firstSteps.acting.title')}</h2>
        <p>{t('firstSteps.acting.text')}</p>
      </section>
      <PrivacySection base={base} />
      <BackLink href={base === '' ? '/' : `${base}/plus`} label={t('firstSteps.back')} />
    </>
  )
}

const NO_PROMPT = { state: { get: () => 'none' as const, subscribe: () => () => undefined } }

function InstallSection() {
  const { t } = useI18n()
  const installer = installPromptOf()
  const state = useStore((installer ?? NO_PROMPT).state)
  const [outcome, setOutcome] = useState<InstallOutcome | null>(null)
  const apple = isAppleMobile(navigator)
  const install = async (): Promise<void> => setOutcome((await installer?.prompt()) ?? 'unavailable')
  return (
    <section class="card first-steps" aria-labelledby="first-steps-install" data-testid="first-steps-install">
      <h2 id="first-steps-install">{t('firstSteps.install.title')}</h2>
      <p>{t('firstSteps.install.why')}</p>
      {state === 'installed' ? (
        <p class="notice" data-testid="install-installed">{t('firstSteps.install.installed')}</p>
      ) : state === 'ready' ? (
        <p><button type="button" class="button button--primary" onClick={() => void install()}>{t('firstSteps.install.button')}</button></p>
      ) : apple ? (
        <Steps title={t('firstSteps.install.ios.title')} testId="install-ios"
          steps={[t('firstSteps.install.ios.share'), t('firstSteps.install.ios.home'), t('firstSteps.install.ios.add')]} />
      ) : (
        <Steps title={t('firstSteps.install.other.title')} testId="install-other"
          steps={[t('firstSteps.install.other.menu'), t('firstSteps.install.other.home')]} />
      )}
      {outcome === 'accepted' && <p role="status">{t('firstSteps.install.accepted')}</p>}
      {outcome === 'dismissed' && <p role="status">{t('firstSteps.install.dismissed')}</p>}
    </section>
  )
}

function Steps({ title, steps, testId }: { title: string; steps: readonly string[]; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ol class="first-steps__steps">{steps.map((step) => <li key={step}>{step}</li>)}</ol>
    </div>
  )
}

function OfflineSection() {
  const { t } = useI18n()
  return (
    <section class="card first-steps" aria-labelledby="first-steps-offline">
      <h2 id="first-steps-offline">{t('firstSteps.offline.title')}</h2>
      <p>{t('firstSteps.offline.intro')}</p>
      <ul class="first-steps__steps">
        <li>{t('firstSteps.offline.read')}</li>
        <li>{t('firstSteps.offline.signUp')}</li>
        <li>{t('firstSteps.offline.swap')}</li>
        <li>{t('firstSteps.offline.walk')}</li>
      </ul>
      <p>{t('firstSteps.offline.queue', { example: t('status.pending.other', { n: 2 }) })}</p>
    </section>
  )
}

function SwapSection() {
  const { t } = useI18n()
  return (
    <section class="card first-steps" aria-labelledby="first-steps-swap">
      <h2 id="first-steps-swap">{t('firstSteps.swap.title')}</h2>
      <ol class="first-steps__steps">
        <li>{t('firstSteps.swap.offer', { week: t('rota.nav.week'), offer: t('swap.offer') })}</li>
        <li>{t('firstSteps.swap.take', { take: t('swap.take') })}</li>
        <li>{t('firstSteps.swap.trade', { trade: t('swap.trade'), accept: t('swap.accept') })}</li>
      </ol>
    </section>
  )
}

function PrivacySection({ base }: { base: string }) {
  const { t } = useI18n()
  return (
    <section class="card first-steps" aria-labelledby="first-steps-privacy">
      <h2 id="first-steps-privacy">{t('firstSteps.privacy.title')}</h2>
      <ul class="first-steps__steps">
        <li>{t('firstSteps.privacy.sealed')}</li>
        <li>{t('firstSteps.privacy.secret')}</li>
        <li>{t('firstSteps.privacy.relay')}</li>
        <li>{t('firstSteps.privacy.invites')}</li>
      </ul>
      <p><a class="button" href={`${base}/donnees`}>{t('firstSteps.privacy.more')}</a></p>
    </section>
  )
}
