// English text of management screens (lines and stops, families, adults and children, settings, calendar, guided set-up): every key of fr-manage.ts.
import type { frManage } from './fr-manage.ts'

export const enManage: Readonly<Record<keyof typeof frManage, string>> = {
}
