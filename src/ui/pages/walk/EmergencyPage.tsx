// "/c/:id/trajet/:lineId/:date/:direction/urgence": the walk's emergency card, one tap from the walk screen.
import { EmergencyCard } from '../../components/walk/EmergencyCard.tsx'
import { parseWalkParams } from '../../../app/queries/walk.ts'
import { useI18n } from '../../i18n/context.tsx'
import { WalkFrame } from './WalkFrame.tsx'

export function EmergencyPage() {
  const { t } = useI18n()
  return (
    <WalkFrame
      render={(session, base, params) => {
        const walk = parseWalkParams(params)
        return walk === null
          ? <p class="notice" data-testid="walk-not-found">{t('walk.notFound')}</p>
          : <EmergencyCard session={session} base={base} walk={walk} />
      }}
    />
  )
}
