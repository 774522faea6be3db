// Export and restore through real sessions over fake-indexeddb: a filled collective restored on another phone reads the same, in a new room; bad files create nothing.
import { describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { buildFamilyExport } from '../../../src/domain/export/family-export.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import * as Y from 'yjs'
import { bindDocPersistence, docDatabaseName } from '../../../src/storage/doc-persistence.ts'
import { rotaCsvTexts } from '../../../src/ui/components/export/rota-csv-texts.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Monday 15 March 2027, 08:12 in Paris: the aller walk is under way. */
const NOW = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const phones = useSessionPhones('unit-export-restore', () => NOW)

const open = async (services: AppServices, id: Parameters<AppServices['openCollective']>[0]): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return phones.track(session)
}

/** Resolves once the session has read its document from the phone (the profile is there). */
const loaded = (session: CollectiveSession): Promise<void> =>
  new Promise((resolve) => {
    if (session.view.get().profile !== null) return resolve()
    const unsubscribe = session.view.subscribe((view) => {
      if (view.profile === null) return
      unsubscribe()
      resolve()
    })
  })

/** Every record kind at least once: settings, line, stops, families, adults, children, calendar, sign-ups, a swap, the roster, notes, the walk log, planning. */
const fillCollective = async (session: CollectiveSession): Promise<{ martin: FamilyId; other: FamilyId }> => {
  valueOf(session.updateSettings({ childrenPerAdult: 4, holidayZone: 'A' }))
  const lineId = valueOf(session.addLine({ name: '=Ligne des Pins', colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
  const access = { stepFree: false, dangerousCrossing: true, note: 'traversée rue Thiers' }
  const stop1 = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05', retour: '16:50' }, access }))
  const stop2 = valueOf(session.addStop(lineId, { name: 'Lilas', times: { aller: '08:10' }, access }))
  const martin = valueOf(session.addFamily({ displayName: 'Martin' }))
  const other = valueOf(session.addFamily({ displayName: '=HYPERLINK("x")' }))
  const camille = valueOf(session.addAdult(martin, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: localDate('2026-09-01'), insured: true }))
  const sami = valueOf(session.addAdult(other, { firstName: 'Sami', phone: '+33 6 98 76 54 32', charterAcceptedOn: null, insured: false }))
  const nadia = valueOf(session.addAdult(other, { firstName: 'Nadia', phone: '07 00 00 00 01', charterAcceptedOn: null, insured: true }))
  await session.setMe(martin, camille)
  const lea = valueOf(session.addChild(martin, {
    firstName: 'Léa', initial: 'M', routes: { aller: { lineId, stopId: stop1 }, retour: { lineId, stopId: stop1 } }, days: [1, 2, 4, 5], support: 'tenir la main', countsExtra: true,
    consentBy: camille, // the family agrees that the walkers read the note (issue 16): its record is exported and restored
    needsHabitue: true, // issue 17: not personal, exported and restored as it is
  }))
  expect(session.view.get().children.find((child) => child.id === lea)?.needsHabitue).toBe(true)
  valueOf(session.addChild(other, { firstName: 'Noé', initial: 'B', routes: { aller: { lineId, stopId: stop2 } }, days: [1, 4], support: '', countsExtra: false }))
  valueOf(session.addException({ date: localDate('2027-03-18'), lineId: null, direction: null, reason: 'strike', note: 'grève des enseignants' }))
  valueOf(session.addHoliday({ start: localDate('2028-07-06'), end: localDate('2028-08-31'), label: 'Été 2028' }))
  valueOf(session.setShippedHolidayIgnored('2026-2027/A/noel', true))

  const today: WalkRef = { lineId, date: localDate('2027-03-15'), direction: 'aller' }
  const tuesday: WalkRef = { lineId, date: localDate('2027-03-16'), direction: 'aller' }
  valueOf(session.signUp(today, 'lead', camille))
  valueOf(session.signUp(today, 'tail', sami))
  valueOf(session.signUp(tuesday, 'lead', camille))
  valueOf(session.signUp(today, 'lead', nadia)) // waiting list
  const offer = valueOf(session.offerSlot(tuesday, camille))
  await session.setMe(other, sami)
  valueOf(session.takeOffer(offer, nadia))
  // "Trajet en binôme" (issue 17): Sami walks beside Nadia, who took Tuesday's lead.
  valueOf(session.askPair(tuesday, sami, nadia))
  await session.setMe(martin, camille)

  valueOf(session.setRoster({ periodLength: 'week', startsOn: localDate('2027-03-08') }))
  session.setRosterMembership(martin, true)
  session.setRosterMembership(other, true)
  valueOf(session.addHandoverNote(localDate('2027-03-22'), martin, { text: 'Clés du local chez Camille' }))
  session.acknowledgeHandover(localDate('2027-03-22'), other)

  valueOf(session.declareAbsence({ childId: lea, from: localDate('2027-03-16'), to: localDate('2027-03-16'), direction: null, note: 'dentiste' }))
  valueOf(session.markChild(today, lea, 'present', stop1, camille))
  valueOf(session.addGuest(today, { firstName: 'Yanis' }, stop2, camille))
  valueOf(session.markDeparture(today, stop1, camille))
  valueOf(session.markArrival(today, camille))
  valueOf(session.addWalkNote(today, { text: 'Léa a couru' }, camille))

  valueOf(session.setAvailability(camille, {
    recurring: [{ weekday: 1, direction: 'aller', lineId }], exceptions: [{ date: localDate('2027-03-22'), available: false, direction: null, lineId: null }],
    weeklyMax: 2, preference: 'lead',
  }))
  valueOf(session.setAvailability(sami, { recurring: [{ weekday: 4, direction: 'retour', lineId }], exceptions: [], weeklyMax: null, preference: 'none' }))
  valueOf(session.declareExemption({ familyId: martin, from: localDate('2027-03-01'), to: localDate('2027-04-30'), sharePercent: 50 }))
  const withdrawn = valueOf(session.declareExemption({ familyId: other, from: localDate('2027-03-01'), to: localDate('2027-03-31'), sharePercent: 0 }))
  valueOf(session.withdrawExemption(withdrawn))
  valueOf(session.setFairness({ basis: 'perFamily', coordinatorCredit: 3 }))

  // Coups de main and meetings (issue 17): a request answered by the other family and confirmed, the kinds list
  // edited, a meeting with an answer from each family and its decisions.
  const request = valueOf(session.postHelp({
    type: 'request', kind: 'wednesday', date: localDate('2027-03-17'), from: '14:00', to: '17:00', needed: 1, note: 'Garder Léa chez nous',
  }))
  valueOf(session.hideHelpKind('lending', true))
  const repair = valueOf(session.addHelpKind('Réparer un vélo'))
  const meeting = valueOf(session.createMeeting({
    kind: 'lineMeeting', date: localDate('2027-03-15'), time: '18:30', place: 'Salle des Lilas', agenda: 'Rentrée des vacances',
  }))
  valueOf(session.replyToMeeting(meeting, 'yes'))
  valueOf(session.recordDecisions(meeting, 'Deux adultes par trajet le lundi'))
  await session.setMe(other, sami)
  valueOf(session.answerHelp(request))
  valueOf(session.postHelp({ type: 'offer', kind: repair, needed: 2, note: '' }))
  valueOf(session.replyToMeeting(meeting, 'maybe'))
  await session.setMe(martin, camille)
  valueOf(session.confirmHelper(request, other))
  return { martin, other }
}

const databasesOf = async (namespace: string): Promise<string[]> =>
  (await indexedDB.databases()).flatMap((database) => (database.name?.startsWith(namespace) ? [database.name] : []))

describe('restoreCollective', () => {
  it('restores a filled collective into a new room on another phone: the same records, every kind', async () => {
    const first = await phones.start()
    const originalId = valueOf(await first.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const original = await open(first, originalId)
    await fillCollective(original)
    const before = original.view.get()
    expect(before.toCheck).toEqual([])
    const kinds = {
      lines: before.lines, stops: before.stops, families: before.families, adults: before.adults, children: before.children,
      exceptions: before.exceptions, holidays: before.holidays, holidayOverrides: before.holidayOverrides, signUps: before.signUps,
      offers: before.swaps.offers, swapResponses: before.swaps.responses, roster: before.coordination.roster, notes: before.coordination.notes,
      acks: before.coordination.acks, absences: before.walkLog.absences, checkIns: before.walkLog.checkIns, events: before.walkLog.events,
      walkNotes: before.walkLog.notes, availability: before.planning.availability, exemptions: before.planning.exemptions,
      meetings: before.meetings?.meetings, meetingReplies: before.meetings?.replies, helpRequests: before.help?.requests,
      helpAnswers: before.help?.answers, helpKinds: before.help?.kinds, pairs: before.pairs,
    }
    for (const [kind, records] of Object.entries(kinds)) expect(records?.length ?? 0, kind).toBeGreaterThan(0)

    const json = original.exportCollective()
    const namespace = 'unit-export-restore-second:'
    const second = await phones.start(namespace)
    const restoredId = valueOf(await second.restoreCollective(json))
    expect(restoredId).not.toBe(originalId)
    // What the restore wrote on the phone holds personal values sealed only (the relay gets these bytes).
    const stored = new Y.Doc()
    const persistence = bindDocPersistence(stored, docDatabaseName(namespace, restoredId))
    await persistence.whenLoaded
    const bytes = new TextDecoder().decode(Y.encodeStateAsUpdate(stored))
    persistence.destroy()
    expect(bytes).toContain('Pédibus des Pins')
    const personalValues = [
      'Camille', 'Léa', '06 12 34 56 78', 'tenir la main', 'dentiste', 'Léa a couru', 'Yanis', 'Clés du local', 'grève des enseignants',
      'Garder Léa', 'Salle des Lilas', 'Rentrée des vacances', 'Deux adultes par trajet',
    ]
    for (const personal of personalValues) {
      expect(bytes).not.toContain(personal)
    }
    expect(second.collectives.get().map((collective) => [collective.id, collective.name])).toEqual([[restoredId, 'Pédibus des Pins']])
    const restored = await open(second, restoredId)
    await loaded(restored)
    expect(restoredId).not.toBe(originalId) // a new room (and a new secret, tests/unit/app/renew.test.ts)
    const after = restored.view.get()
    expect(after.toCheck).toEqual([])
    expect(after.planning.fairness).toEqual({ basis: 'perFamily', coordinatorCredit: 3 })
    // Key-sorted JSON of the whole view: every record kind, field and order the same, but guests' first names: they
    // do not outlive the walk's day, so no file carries them (issue 16).
    expect(after.walkLog.guestNames).toEqual([])
    const withoutGuestNames = (view: typeof before) => ({ ...view, walkLog: { ...view.walkLog, guestNames: [] } })
    expect(JSON.parse(JSON.stringify(after))).toEqual(JSON.parse(JSON.stringify(withoutGuestNames(before))))
    // And the restored collective exports the same file, but for the time stamp.
    expect(restored.exportCollective()).toBe(json)
  })

  it('restores a file written before planning existed: no planning records, the default fairness setting', async () => {
    const phone = await phones.start()
    const original = await open(phone, valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })))
    await fillCollective(original)
    const { planning: _planning, ...older } = JSON.parse(original.exportCollective()) as Record<string, unknown>
    const restored = await open(phone, valueOf(await phone.restoreCollective(JSON.stringify(older))))
    await loaded(restored)
    expect(restored.view.get().planning).toEqual({ fairness: { basis: 'perChild', coordinatorCredit: 2 }, availability: [], exemptions: [] })
    expect(restored.view.get().toCheck).toEqual([])
    expect(restored.view.get().signUps).toEqual(original.view.get().signUps)
  })

  it('restores on the same phone as a second collective, beside the original', async () => {
    const phone = await phones.start()
    const originalId = valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const original = await open(phone, originalId)
    valueOf(original.addFamily({ displayName: 'Martin' }))
    const restoredId = valueOf(await phone.restoreCollective(original.exportCollective()))
    expect(new Set(phone.collectives.get().map((collective) => collective.id))).toEqual(new Set([originalId, restoredId]))
    const restored = await open(phone, restoredId)
    await loaded(restored)
    expect(restored.view.get().families).toEqual(original.view.get().families)
  })

  it('refuses bad JSON, a family file, another format or version and a damaged record, creating nothing', async () => {
    const first = await phones.start()
    const original = await open(first, valueOf(await first.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })))
    const { martin } = await fillCollective(original)
    const good = JSON.parse(original.exportCollective()) as Record<string, unknown>
    const familyFile = original.exportFamily(martin)
    expect(familyFile).not.toBeNull()
    const badAdult = { ...good, adults: [{ ...(good.adults as object[])[0], phone: 42 }] }

    const namespace = 'unit-export-restore-refused:'
    const second = await phones.start(namespace)
    const databases = await databasesOf(namespace)
    for (const json of ['{', '', 'null', familyFile ?? '', JSON.stringify({ ...good, format: 'other' }), JSON.stringify({ ...good, version: 2 }), JSON.stringify(badAdult)]) {
      expect(await second.restoreCollective(json)).toEqual({ ok: false, error: 'invalidExport' })
    }
    expect(second.collectives.get()).toEqual([])
    expect(await databasesOf(namespace)).toEqual(databases)
  })
})

describe('session exports', () => {
  it('a family file holds that family only; the rota CSV is the effective rota with neutralised cells', async () => {
    const phone = await phones.start()
    const session = await open(phone, valueOf(await phone.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' })))
    const { martin, other } = await fillCollective(session)
    const file = session.exportFamily(martin) ?? ''
    expect(JSON.parse(file)).toEqual(JSON.parse(JSON.stringify(buildFamilyExport(session.view.get(), martin, NOW))))
    for (const foreign of ['Sami', 'Nadia', 'Noé', 'HYPERLINK', '+33 6 98', other]) expect(file).not.toContain(foreign)
    expect(file).toContain('Clés du local chez Camille')
    // Its coups de main and its reply to the meeting (issue 17); who helps it is counted, not named.
    const own = JSON.parse(file) as { helpRequests: { note: string; confirmedCount: number }[]; meetingReplies: { answer: string }[]; meetings: unknown[] }
    expect(own.helpRequests.map((request) => [request.note, request.confirmedCount])).toEqual([['Garder Léa chez nous', 1]])
    expect(own.meetingReplies.map((reply) => reply.answer)).toEqual(['yes'])
    expect(own.meetings).toHaveLength(1)
    // The binôme walk of the other family's adults is in that family's file only.
    expect((JSON.parse(file) as { pairs: unknown[] }).pairs).toEqual([])
    const theirs = JSON.parse(session.exportFamily(other) ?? '{}') as { pairs: { adultId: string }[] }
    expect(theirs.pairs.map((pair) => pair.adultId)).toHaveLength(1)
    const parsed = JSON.parse(file) as { availability: { adultId: string }[]; exemptions: { familyId: string }[] }
    expect(parsed.availability.map((entry) => entry.adultId)).toEqual([session.me.get().adultId])
    expect(parsed.exemptions.map((exemption) => exemption.familyId)).toEqual([martin])

    const csv = session.exportRotaCsv(localDate('2027-03-15'), localDate('2027-03-16'), rotaCsvTexts(createTranslate('fr'), 'fr'))
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Date;Ligne;Sens;Heure;Conducteur;Serre-file;Accompagnants;État;Enfants')
    expect(lines[1]).toBe(`2027-03-15;'=Ligne des Pins;aller;08:05;Camille (Martin);"Sami (=HYPERLINK(""x""))";;complet;2`)
    // Tuesday: Camille gave her lead slot to Nadia through the swap; Léa is absent; no tail within 48 h.
    expect(lines[3]).toBe(`2027-03-16;'=Ligne des Pins;aller;08:05;"Nadia (=HYPERLINK(""x""))";;;urgent;0`)
  })
})
