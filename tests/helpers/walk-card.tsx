// A walk card as the week screen renders it: my family's adults and the walk's absences read from the session's view.
import type { VNode } from 'preact'
import type { RotaCommands, SessionIdentity, SessionState, SwapCommands } from '../../src/app/api.ts'
import { absentOnWalk } from '../../src/app/queries/absence/absence-view.ts'
import { adultsOfFamily } from '../../src/app/queries/rota-view.ts'
import type { AdultId } from '../../src/domain/ids.ts'
import type { Adult } from '../../src/domain/people.ts'
import type { WalkRota } from '../../src/domain/rota-types.ts'
import { WalkCard } from '../../src/ui/components/rota/WalkCard.tsx'

export const walkCard = (
  session: SessionState & SessionIdentity & RotaCommands & SwapCommands, walk: WalkRota, adults: ReadonlyMap<AdultId, Adult>,
  past = false,
): VNode => (
  <WalkCard
    session={session}
    walk={walk}
    adults={adults}
    myAdults={adultsOfFamily(session.view.get(), session.me.get().familyId)}
    absentCount={absentOnWalk(session.view.get(), walk)}
    past={past}
  />
)
