// Routes of the rota screens (Cette semaine, Mes trajets, Aujourd’hui, sign-ups, demo), mounted by the router in App.tsx.
import type { VNode } from 'preact'

export const rotaRoutes: VNode[] = []
