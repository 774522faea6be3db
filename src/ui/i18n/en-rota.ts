// English text of the rota screens (Cette semaine, Mes trajets, Aujourd’hui, sign-ups, demo): every key of fr-rota.ts.
import type { frRota } from './fr-rota.ts'

export const enRota: Readonly<Record<keyof typeof frRota, string>> = {
}
