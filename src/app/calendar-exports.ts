// What this phone remembers of its agenda exports (AppServices.calendarExport): in the device database for a joined
// collective, in memory for a demo, so the next file cancels only the events a previous one held.
import type { ExportedCalendar } from '../domain/export/calendar-history.ts'
import { loadOnce } from '../lib/load-once.ts'
import type { FamilyId } from '../domain/ids.ts'
import type { DeviceStore } from '../storage/device-db.ts'
import type { AppServices } from './api.ts'

export const createCalendarExports = (
  device: DeviceStore, stored: (collectiveId: string) => boolean, now: () => number,
): Pick<AppServices, 'calendarExport' | 'rememberCalendarExport'> => {
  const memory = new Map<string, ExportedCalendar>()
  // The agenda's rules load with the export screen, never with the first visit (tests/unit/ui/first-visit-code).
  const schema = loadOnce(async () => (await import('../domain/export/calendar-history.ts')).ExportedCalendarSchema)
  const read = async (collectiveId: string, familyId: FamilyId): Promise<ExportedCalendar | null> => {
    const parsed = (await schema()).safeParse(await device.getCalendarExport(collectiveId, familyId))
    return parsed.success ? parsed.data : null // a damaged record reads as no previous export
  }
  const memoryKey = (collectiveId: string, familyId: FamilyId): string => `${collectiveId}|${familyId}`
  return {
    calendarExport: async (collectiveId, familyId) => stored(collectiveId)
      ? read(collectiveId, familyId)
      : (memory.get(memoryKey(collectiveId, familyId)) ?? null),
    rememberCalendarExport: async (collectiveId, familyId, calendar) => {
      if (stored(collectiveId)) {
        await device.putCalendarExport(collectiveId, familyId, (await schema()).parse(calendar), now())
      }
      else memory.set(memoryKey(collectiveId, familyId), calendar)
    },
  }
}
