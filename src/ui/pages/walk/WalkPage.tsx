// "/c/:id/trajet/:lineId/:date/:direction": the walk screen of one walk.
import type { CollectiveSession } from '../../../app/api.ts'
import { WalkScreen } from '../../components/walk/WalkScreen.tsx'
import { parseWalkParams } from '../../../app/queries/walk.ts'
import { useI18n } from '../../i18n/context.tsx'
import { WalkFrame } from './WalkFrame.tsx'

export function WalkPage() {
  return <WalkFrame render={(session, base, params) => <WalkOf session={session} base={base} params={params} />} />
}

interface WalkOfProps {
  readonly session: CollectiveSession
  readonly base: string
  readonly params: Readonly<Record<string, string | undefined>>
}

function WalkOf({ session, base, params }: WalkOfProps) {
  const { t } = useI18n()
  const walk = parseWalkParams(params)
  if (walk === null) return <p class="notice" data-testid="walk-not-found">{t('walk.notFound')}</p>
  return <WalkScreen key={`${walk.lineId}|${walk.date}|${walk.direction}`} session={session} base={base} walk={walk} />
}
