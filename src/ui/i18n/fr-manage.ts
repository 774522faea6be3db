// French text of management screens (lines and stops, families, adults and children, settings, calendar, guided set-up).

export const frManage = {
} as const
