// "/demo": the entry of the example collective (in memory, nothing shared), leading to its rota screens.
import { PageTitle } from '../../components/PageTitle.tsx'
import { SwapHome } from '../../components/swaps/SwapHome.tsx'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from './RotaFrame.tsx'

export function DemoPage() {
  return <RotaFrame demo render={(props) => <DemoHome {...props} />} />
}

function DemoHome({ session, base }: RotaScreenProps) {
  const { t } = useI18n()
  const view = useStore(session.view)
  return (
    <>
      <PageTitle name="rota.demo.title">
        {view.profile?.name ?? t('rota.demo.title')}
        <span class="demo-badge">{t('rota.demo.badge')}</span>
      </PageTitle>
      {view.profile && <p class="muted">{view.profile.school} · {view.profile.town}</p>}
      <p class="lead">{t('rota.demo.intro')}</p>
      <SwapHome session={session} base={base} badge={false} />
      <WhoAreYou session={session} />
    </>
  )
}
