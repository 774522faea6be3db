// Routes of management screens (lines and stops, families, adults and children, settings, calendar, guided set-up), mounted by the router in App.tsx.
import type { VNode } from 'preact'

export const manageRoutes: VNode[] = []
