// What every coordinator screen needs besides the view: my family on this device, the clock and today's date (Paris).
import type { SessionIdentity } from '../../../app/api.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useStore } from '../../hooks/useStore.ts'
import { todayIn } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'

export interface CoordinationContext {
  readonly myFamily: FamilyId | null
  readonly now: number
  readonly today: LocalDate
}

export const useCoordination = (session: SessionIdentity): CoordinationContext => {
  const me = useStore(session.me)
  const now = useNow()
  return { myFamily: me.familyId, now, today: todayIn(now) }
}
