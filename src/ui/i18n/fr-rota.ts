// French text of the rota screens (Cette semaine, Mes trajets, Aujourd’hui, sign-ups, demo).

export const frRota = {
} as const
