// Issue 18 "Modèle": the charter (sealed, exported, carried to a new year) and the template file: it holds the lines,
// stops, settings, kinds and charter and none of the source's personal values or ids; a new collective made of it.
import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { charterOf } from '../../../src/app/queries/charter.ts'
import { helpKinds as kindsListOf } from '../../../src/app/queries/help.ts'
import { templateFileName } from '../../../src/app/queries/exports.ts'
import { readTemplate } from '../../../src/app/queries/template.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { collectiveExportJson, parseCollectiveExport } from '../../../src/domain/export/collective-export.ts'
import { parseTemplate, TEMPLATE_FORMAT, TEMPLATE_MAX_CHARS } from '../../../src/domain/export/template.ts'
import { compareStops } from '../../../src/domain/line.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { successorOf } from '../../../src/domain/year/next-generation.ts'
import { bindDocPersistence, docDatabaseName } from '../../../src/storage/doc-persistence.ts'
import { storedSecretOf } from '../../helpers/invitations.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Monday 15 March 2027, 08:12 in Paris. */
const NOW = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const phones = useSessionPhones('unit-template', () => NOW)
const PLACE = { name: 'Pédibus Canari-Nom', school: 'École Canari-École', town: 'Canari-Ville', schoolPlace: '33000' }

const CHARTER = 'Sécurité d’abord : deux adultes par trajet.\n\nPonctualité, entraide, aucun argent. Tous les enfants.'

/** Every personal value a source holds, each one unique so that a search of the bytes finds it wherever it went. */
const CANARY = {
  family: 'CanaryFamilleMartin', otherFamily: 'CanaryFamilleDiallo', adult: 'CanaryAdulteCamille', otherAdult: 'CanaryAdulteSami',
  phone: '06 11 22 33 44', otherPhone: '+33 6 55 66 77 88', child: 'CanaryEnfantLea', otherChild: 'CanaryEnfantNoe',
  support: 'CanaryConsigneMain', absence: 'CanaryAbsenceDentiste', walkNote: 'CanaryNoteTrajet', guest: 'CanaryInviteYanis',
  handover: 'CanaryClesLocal', exception: 'CanaryGreveNote', helpNote: 'CanaryCoupDeMainNote', meetingPlace: 'CanarySalleReunion',
  agenda: 'CanaryOrdreDuJour', decisions: 'CanaryDecisions', holiday: 'CanaryVacancesEte', association: 'CanaryAssociation',
  contact: 'canary.contact@example.org', collective: PLACE.name, school: PLACE.school, town: PLACE.town,
}

const open = async (services: AppServices, id: Parameters<AppServices['openCollective']>[0]): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return phones.track(session)
}

const loaded = (session: CollectiveSession): Promise<void> =>
  new Promise((resolve) => {
    if (session.view.get().profile !== null) return resolve()
    const unsubscribe = session.view.subscribe((view) => {
      if (view.profile === null) return
      unsubscribe()
      resolve()
    })
  })

/** A collective with every kind of personal record, two lines, edited settings and kinds, and a charter. */
const fillSource = async (session: CollectiveSession): Promise<void> => {
  valueOf(session.updateSettings({
    childrenPerAdult: 5, minAdults: 3, operatingWeekdays: [1, 2, 4], holidayZone: 'B',
    associationName: CANARY.association, associationContact: CANARY.contact,
  }))
  valueOf(session.setFairness({ basis: 'perFamily', coordinatorCredit: 4 }))
  const pins = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4] }))
  const lilas = valueOf(session.addLine({ name: 'Ligne des Lilas', colour: '#1565c0', directions: ['aller'], days: [1, 4] }))
  const crossing = { stepFree: false, dangerousCrossing: true, note: 'Traversée rue Thiers : attendre le feu' }
  const market = valueOf(session.addStop(pins, { name: 'Marché', times: { aller: '08:05', retour: '16:50' }, access: crossing }))
  valueOf(session.addStop(pins, { name: 'École', times: { aller: '08:20', retour: '16:35' }, access: { stepFree: true, dangerousCrossing: false, note: '' } }))
  const fountain = valueOf(session.addStop(pins, { name: 'Fontaine', times: { aller: '08:12' }, access: { stepFree: true, dangerousCrossing: false, note: 'Rampe côté parc' } }))
  session.moveStop(fountain, 1)
  const lilasStop = valueOf(session.addStop(lilas, { name: 'Lilas', times: { aller: '08:10' }, access: { stepFree: true, dangerousCrossing: false, note: '' } }))
  valueOf(session.addStop(lilas, { name: 'Porte sud', times: { aller: '08:25' }, access: { stepFree: false, dangerousCrossing: false, note: 'Marches' } }))

  const martin = valueOf(session.addFamily({ displayName: CANARY.family }))
  const diallo = valueOf(session.addFamily({ displayName: CANARY.otherFamily }))
  const camille = valueOf(session.addAdult(martin, { firstName: CANARY.adult, phone: CANARY.phone, charterAcceptedOn: localDate('2026-09-01'), insured: true }))
  const sami = valueOf(session.addAdult(diallo, { firstName: CANARY.otherAdult, phone: CANARY.otherPhone, charterAcceptedOn: null, insured: true }))
  await session.setMe(martin, camille)
  const lea = valueOf(session.addChild(martin, {
    firstName: CANARY.child, initial: 'M', routes: { aller: { lineId: pins, stopId: market } }, days: [1, 2, 4], support: CANARY.support,
    countsExtra: true, consentBy: camille,
  }))
  valueOf(session.addChild(diallo, { firstName: CANARY.otherChild, initial: 'D', routes: { aller: { lineId: lilas, stopId: lilasStop } }, days: [1], support: '', countsExtra: false }))
  valueOf(session.addException({ date: localDate('2027-03-18'), lineId: null, direction: null, reason: 'strike', note: CANARY.exception }))
  valueOf(session.addHoliday({ start: localDate('2028-07-06'), end: localDate('2028-08-31'), label: CANARY.holiday }))

  const today: WalkRef = { lineId: pins, date: localDate('2027-03-15'), direction: 'aller' }
  const tuesday: WalkRef = { lineId: pins, date: localDate('2027-03-16'), direction: 'aller' }
  valueOf(session.signUp(today, 'lead', camille))
  valueOf(session.signUp(today, 'tail', sami))
  valueOf(session.signUp(tuesday, 'lead', camille))
  valueOf(session.offerSlot(tuesday, camille))
  valueOf(session.setRoster({ periodLength: 'week', startsOn: localDate('2027-03-08') }))
  session.setRosterMembership(martin, true)
  valueOf(session.addHandoverNote(localDate('2027-03-22'), martin, { text: CANARY.handover }))
  valueOf(session.declareAbsence({ childId: lea, from: localDate('2027-03-16'), to: localDate('2027-03-16'), direction: null, note: CANARY.absence }))
  valueOf(session.markChild(today, lea, 'present', market, camille))
  valueOf(session.addGuest(today, { firstName: CANARY.guest }, market, camille))
  valueOf(session.addWalkNote(today, { text: CANARY.walkNote }, camille))
  valueOf(session.setAvailability(camille, { recurring: [{ weekday: 1, direction: 'aller', lineId: pins }], exceptions: [], weeklyMax: 2, preference: 'lead' }))
  valueOf(session.declareExemption({ familyId: martin, from: localDate('2027-03-01'), to: localDate('2027-04-30'), sharePercent: 50 }))
  valueOf(session.postHelp({ type: 'request', kind: 'wednesday', date: localDate('2027-03-17'), from: '14:00', to: '17:00', needed: 1, note: CANARY.helpNote }))
  valueOf(session.hideHelpKind('lending', true))
  valueOf(session.addHelpKind('Réparer un vélo'))
  const meeting = valueOf(session.createMeeting({ kind: 'lineMeeting', date: localDate('2027-03-15'), time: '18:30', place: CANARY.meetingPlace, agenda: CANARY.agenda }))
  valueOf(session.replyToMeeting(meeting, 'yes'))
  valueOf(session.recordDecisions(meeting, CANARY.decisions))
  valueOf(session.askPair(tuesday, sami, camille))
  valueOf(session.setCharter({ text: `  ${CHARTER}  ` }))
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** Every record id of the source: each UUID its whole export names (records and the ids they point to). */
const idsOf = (session: CollectiveSession): string[] => [...new Set(session.exportCollective().match(UUID) ?? [])]

/** A line and its stops as a person sees them: no id, stops in order. */
const linesOf = (view: CollectiveSession['view'] extends { get(): infer V } ? V : never) =>
  view.lines.map((line) => ({
    name: line.name, colour: line.colour, directions: line.directions, days: line.days,
    stops: view.stops.filter((stop) => stop.lineId === line.id).sort(compareStops)
      .map((stop) => ({ name: stop.name, times: stop.times, access: stop.access })),
  })).sort((a, b) => a.name.localeCompare(b.name))

describe('the charter', () => {
  it('is written trimmed by any member, sealed in the document, read back by charterOf; too long is refused; empty removes it', async () => {
    const services = await phones.start('unit-template-charter:')
    const id = valueOf(await services.createCollective(PLACE))
    const session = await open(services, id)
    expect(charterOf(session.view.get())).toBeNull()
    expect(valueOf(session.setCharter({ text: `  ${CHARTER}\r\n` }))).toBe(CHARTER)
    expect(charterOf(session.view.get())).toBe(CHARTER)
    expect(session.setCharter({ text: 'a'.repeat(4001) })).toEqual({ ok: false, error: { text: 'tooLong' } })
    expect(charterOf(session.view.get())).toBe(CHARTER)

    // What the phone stores (and the relay gets) holds the charter sealed: a member may name a contact in it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const stored = new Y.Doc()
    const persistence = bindDocPersistence(stored, docDatabaseName('unit-template-charter:', id))
    await persistence.whenLoaded
    const bytes = new TextDecoder().decode(Y.encodeStateAsUpdate(stored))
    persistence.destroy()
    expect(bytes).toContain('charter')
    expect(bytes).not.toContain('Ponctualité')

    expect(valueOf(session.setCharter({ text: '   ' }))).toBe('')
    expect(charterOf(session.view.get())).toBeNull()
    expect(session.view.get().toCheck).toEqual([])
  })

  it('is in the collective export, restored with it, and carried into the next school year', async () => {
    const session = await phones.openNew()
    valueOf(session.setCharter({ text: CHARTER }))
    const file = parseCollectiveExport(session.exportCollective())
    expect(file.ok && file.value.charter).toEqual([{ text: CHARTER }])
    const next = successorOf(session.view.get(), { startsOn: localDate('2027-09-01'), removeChildIds: [] }).source
    const successorFile = parseCollectiveExport(collectiveExportJson(next, NOW))
    expect(successorFile.ok && successorFile.value.charter).toEqual([{ text: CHARTER }])
    // A backup written before the charter existed reads as none.
    const { charter: _charter, ...older } = JSON.parse(session.exportCollective()) as Record<string, unknown>
    const olderFile = parseCollectiveExport(JSON.stringify(older))
    expect(olderFile.ok && olderFile.value.charter).toEqual([])
  })
})

describe('the template file', () => {
  it('holds lines, stops, times, access notes, settings, kinds and charter, and no personal value or id of the source', async () => {
    const namespace = 'unit-template-source:'
    const services = await phones.start(namespace)
    const id = valueOf(await services.createCollective(PLACE))
    const session = await open(services, id)
    await fillSource(session)
    const view = session.view.get()
    expect(view.toCheck).toEqual([])
    // The source does hold every canary (so their absence below means something).
    const backup = session.exportCollective()
    // (Guests' names never leave the walk's day, in no file: the template is searched for them all the same.)
    for (const value of Object.values(CANARY).filter((value) => value !== CANARY.guest)) expect(backup, value).toContain(value)

    const json = session.exportTemplate()
    const bytes = new TextEncoder().encode(json)
    const found = Object.values(CANARY).filter((value) => Buffer.from(bytes).includes(Buffer.from(value, 'utf8')))
    expect(found).toEqual([])
    const ids = idsOf(session)
    expect(ids.length).toBeGreaterThan(20)
    expect(ids.filter((recordId) => json.includes(recordId))).toEqual([])
    expect(json.match(UUID)).toBeNull()
    expect(json).not.toContain(id)
    const secret = await storedSecretOf(namespace, id)
    expect(json).not.toContain(secret)
    expect(json).not.toContain(view.adults[0]!.id.slice(0, 8)) // not even a short id of a sign-up key

    const template = JSON.parse(json) as Record<string, unknown>
    expect(Object.keys(template).sort()).toEqual(['charter', 'exportedOn', 'format', 'helpKinds', 'lines', 'settings', 'version'])
    expect(template).toMatchObject({
      format: TEMPLATE_FORMAT, version: 1, exportedOn: '2027-03-15', charter: CHARTER,
      settings: {
        operatingWeekdays: [1, 2, 4], childrenPerAdult: 5, minAdults: 3, holidayZone: 'B', ownCalendar: false, alsaceMoselle: false,
        fairness: { basis: 'perFamily', coordinatorCredit: 4 },
      },
      helpKinds: { hidden: ['lending'], added: ['Réparer un vélo'] },
    })
    const parsed = parseTemplate(json)
    expect(parsed.ok && [...parsed.value.lines].sort((a, b) => a.name.localeCompare(b.name))).toEqual(linesOf(view))
    expect(json).toContain('Traversée rue Thiers : attendre le feu')
    expect(json).toContain('"aller": "08:12"')
    expect(templateFileName(NOW)).toBe('modele-pedibus-2027-03-15.json')
  })

  it('starts a new collective (new room, new secret) with the same lines, stops, settings, kinds and charter, and nobody', async () => {
    const sourcePhone = await phones.start('unit-template-from:')
    const sourceId = valueOf(await sourcePhone.createCollective(PLACE))
    const source = await open(sourcePhone, sourceId)
    await fillSource(source)
    const json = source.exportTemplate()

    const namespace = 'unit-template-to:'
    const phone = await phones.start(namespace)
    const input = { name: 'Pédibus du Parc', school: 'École du Parc', town: 'Rennes', schoolPlace: '35000' }
    expect(await phone.createFromTemplate(json, { ...input, name: ' ' })).toEqual({ ok: false, error: { name: 'required' } })
    expect(phone.collectives.get()).toEqual([])
    const id = valueOf(await phone.createFromTemplate(json, input))
    expect(id).not.toBe(sourceId)
    expect(await storedSecretOf(namespace, id)).not.toBe(await storedSecretOf('unit-template-from:', sourceId))
    expect(phone.collectives.get().map((collective) => [collective.id, collective.name])).toEqual([[id, 'Pédibus du Parc']])
    const made = await open(phone, id)
    await loaded(made)
    const before = source.view.get()
    const after = made.view.get()
    expect(after.toCheck).toEqual([])
    expect(after.profile).toEqual({ name: 'Pédibus du Parc', school: 'École du Parc', town: 'Rennes' })
    expect(linesOf(after)).toEqual(linesOf(before))
    expect(after.lines.map((line) => line.id).filter((lineId) => before.lines.some((line) => line.id === lineId))).toEqual([])
    expect(after.stops.map((stop) => stop.id).filter((stopId) => before.stops.some((stop) => stop.id === stopId))).toEqual([])
    // The walks' settings come from the template; the calendar from the new school's postcode (Rennes: zone B).
    const { associationName, associationContact, holidayZone, ...walks } = after.settings
    expect(walks).toEqual({ timeZone: 'Europe/Paris', ownCalendar: false, alsaceMoselle: false, operatingWeekdays: [1, 2, 4], childrenPerAdult: 5, minAdults: 3 })
    expect([associationName, associationContact, holidayZone]).toEqual(['', '', 'B'])
    expect(after.planning.fairness).toEqual({ basis: 'perFamily', coordinatorCredit: 4 })
    const labels = (view: typeof after) => kindsListOf(view).map((kind) => (typeof kind.label === 'string' ? kind.label : kind.label.fr))
    expect(labels(after)).toEqual(labels(before))
    expect(after.help?.kinds.find((kind) => kind.label === 'Réparer un vélo')?.id).not.toBe(
      before.help?.kinds.find((kind) => kind.label === 'Réparer un vélo')?.id)
    expect(charterOf(after)).toBe(CHARTER)
    for (const records of [after.families, after.adults, after.children, after.signUps, after.exceptions, after.holidays,
      after.walkLog.absences, after.walkLog.checkIns, after.walkLog.notes, after.coordination.roster, after.coordination.notes,
      after.planning.availability, after.planning.exemptions, after.help?.requests ?? [], after.meetings?.meetings ?? [], after.pairs ?? []]) {
      expect(records).toEqual([])
    }
  })

  it('refuses a file that is not a template, another version, a too big file and an invalid line, creating nothing', async () => {
    const source = await phones.openNew()
    const lineId = valueOf(source.addLine({ name: 'Ligne A', colour: '#2e7d32', directions: ['aller'], days: [1] }))
    valueOf(source.addStop(lineId, { name: 'Mairie', times: { aller: '08:00' }, access: { stepFree: true, dangerousCrossing: false, note: '' } }))
    const good = JSON.parse(source.exportTemplate()) as { lines: Record<string, unknown>[] }
    const badLine = { ...good, lines: [good.lines[0], { ...good.lines[0], colour: 'vert' }] }
    const badStopTime = { ...good, lines: [{ ...good.lines[0], stops: [{ name: 'Mairie', times: { aller: '8h' }, access: {} }] }] }
    const cases: [string, unknown][] = [
      ['{', { problem: 'notATemplate' }],
      ['null', { problem: 'notATemplate' }],
      [source.exportCollective(), { problem: 'notATemplate' }],
      [JSON.stringify({ ...good, version: 2 }), { problem: 'wrongVersion' }],
      [JSON.stringify({ ...good, settings: { ...good, minAdults: 1 } }), { problem: 'invalidTemplate' }],
      [JSON.stringify(badLine), { problem: 'invalidLine', line: 2 }],
      [JSON.stringify(badStopTime), { problem: 'invalidLine', line: 1 }],
      [`${JSON.stringify(good)}${' '.repeat(TEMPLATE_MAX_CHARS)}`, { problem: 'tooBig' }],
    ]
    const phone = await phones.start('unit-template-refused:')
    const input = { name: 'Pédibus du Parc', school: 'École du Parc', town: 'Rennes', schoolPlace: '35000' }
    for (const [json, error] of cases) {
      expect(await readTemplate(json)).toEqual({ ok: false, error })
      expect(await phone.createFromTemplate(json, input)).toEqual({ ok: false, error: { template: (error as { problem: string }).problem } })
    }
    expect(phone.collectives.get()).toEqual([])
    // A crafted file's extra fields (a family slipped into a line) are dropped, never written.
    const crafted = { ...good, families: [{ displayName: 'Intrus' }], lines: [{ ...good.lines[0], adults: ['Intrus'] }] }
    const read = await readTemplate(JSON.stringify(crafted))
    expect(read).toEqual({ ok: true, value: { lines: [{ name: 'Ligne A', stops: 1 }], hasCharter: false, exportedOn: '2027-03-15' } })
    const made = await open(phone, valueOf(await phone.createFromTemplate(JSON.stringify(crafted), input)))
    await loaded(made)
    expect(made.exportCollective()).not.toContain('Intrus')
  })
})
