// French texts the first screens need (shell, home, the week, my walks, today's walk, coordination line, agenda,
// restore): bundled with them. The other areas' texts are a chunk of their own (fr-later.ts), see messages.ts.
import { frActing } from './fr-acting.ts'
import { frAgenda } from './fr-agenda.ts'
import { frCoordination } from './fr-coordination.ts'
import { frCore } from './fr-core.ts'
import { frExport } from './fr-export.ts'
import { frTemplate } from './fr-template.ts'
import { frRota } from './fr-rota.ts'
import { frShared } from './fr-shared.ts'
import { frWalk } from './fr-walk.ts'

export const frFirstScreen = { ...frCore, ...frShared, ...frRota, ...frCoordination, ...frWalk, ...frAgenda, ...frExport, ...frActing, ...frTemplate } as const
