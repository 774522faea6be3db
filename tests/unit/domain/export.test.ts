// Exports: a family's file holds only that family; the rota CSV quotes per RFC 4180 and neutralises formula-like cells; the collective file round-trips through its parser.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ROSTER_SETTING } from '../../../src/domain/coordination/records.ts'
import { localDate } from '../../../src/domain/dates.ts'
import {
  CollectiveExportSchema, ENGLISH_CSV, FRENCH_CSV, FamilyExportSchema, UTF8_BOM, buildCollectiveExport, buildFamilyExport, csvCell, csvLine, parseCollectiveExport,
  rotaCsv, rotaCsvRows, type ExportSource,
} from '../../../src/domain/export/index.ts'
import type { Family } from '../../../src/domain/family.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import type { Absence, AbsenceId, WalkNote, WalkNoteId } from '../../../src/domain/walk-log/records.ts'
import { rotaCsvTexts } from '../../../src/ui/components/export/rota-csv-texts.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { actorId, childId, createAdult, createChild, createLine, createSignUp, createStop, familyId, uuid } from './rota-fixtures.ts'

const NOW = Date.UTC(2026, 10, 30, 8)
// The file's words come from the interface's catalogues (the phone's language); French unless a test says otherwise.
const FR = rotaCsvTexts(createTranslate('fr'), 'fr')
const EN = rotaCsvTexts(createTranslate('en'), 'en')
const INJECTED_FAMILY = '=HYPERLINK("http://evil.example","Cliquez")'

const family = (n: number, displayName: string): Family => ({ id: familyId(n), displayName })
const absence = (n: number, child: number, family: number, note: string): Absence => ({
  id: uuid<AbsenceId>(20, n), childId: childId(child), familyId: familyId(family), from: localDate('2026-12-03'), to: localDate('2026-12-03'),
  direction: null, note, clock: 10 + n, actor: actorId(family), at: '2026-12-01T08:00',
})
const walkNote = (n: number, family: number, text: string): WalkNote => ({
  id: uuid<WalkNoteId>(21, n), walk: { lineId: createLine(1).id, date: localDate('2026-12-03'), direction: 'aller' }, text,
  adultId: createAdult(family, family).id, familyId: familyId(family), clock: 20 + n, actor: actorId(family), at: '2026-12-03T08:10',
})

/** Two families (1: "Martin", 2: a formula-like name) with an adult, a child, a sign-up, an absence and a note each. */
const source = (): ExportSource => ({
  profile: { name: 'Pédibus des Écureuils', school: 'École Jean Moulin', town: 'Bègles' },
  settings: DEFAULT_SETTINGS,
  lines: [createLine(1, { name: 'Ligne verte, côté parc' })],
  stops: [createStop(1, 1, 1, { aller: '08:05' }), createStop(2, 1, 2, { aller: '08:15' })],
  families: [family(1, 'Martin'), family(2, INJECTED_FAMILY)],
  adults: [{ ...createAdult(1, 1), firstName: 'Camille' }, { ...createAdult(2, 2), firstName: '+33 6 12 34 56 78', phone: '+33 6 12 34 56 78' }],
  children: [{ ...createChild(1, 1), firstName: 'Léa' }, { ...createChild(2, 2), firstName: 'Noé', support: 'tenir la main' }],
  exceptions: [],
  holidays: [],
  holidayOverrides: [],
  signUps: [createSignUp(1, 'lead', 1, 1), createSignUp(2, 'tail', 2, 2)],
  absences: [],
  swaps: { offers: [], responses: [], releases: [] },
  coordination: {
    setting: DEFAULT_ROSTER_SETTING, roster: [], offers: [], responses: [],
    notes: [{ periodStart: localDate('2026-11-30'), familyId: familyId(2), text: 'Note de la famille 2', clock: 30, actor: actorId(2) }],
    acks: [],
  },
  walkLog: {
    absences: [absence(1, 1, 1, 'dentiste'), absence(2, 2, 2, 'grippe de Noé')],
    checkIns: [],
    events: [],
    notes: [walkNote(1, 1, 'RAS'), walkNote(2, 2, 'Noé a oublié son cartable')],
  },
})

describe('family export', () => {
  it('holds that family, its adults, children, sign-ups, absences and notes, and nothing of another family', () => {
    const file = buildFamilyExport(source(), familyId(1), NOW)
    expect(file).not.toBeNull()
    expect(FamilyExportSchema.safeParse(file).success).toBe(true)
    expect(file?.family.displayName).toBe('Martin')
    expect(file?.adults.map((adult) => adult.firstName)).toEqual(['Camille'])
    expect(file?.children.map((child) => child.firstName)).toEqual(['Léa'])
    expect(file?.signUps.map((signUp) => signUp.adultId)).toEqual([createAdult(1, 1).id])
    expect(file?.absences.map((record) => record.note)).toEqual(['dentiste'])
    expect(file?.walkNotes.map((note) => note.text)).toEqual(['RAS'])
    expect(file?.handoverNotes).toEqual([])
    expect(file?.lines.map((line) => line.name)).toEqual(['Ligne verte, côté parc'])
    const text = JSON.stringify(file)
    for (const other of [INJECTED_FAMILY, '+33 6 12 34 56 78', 'Noé', 'grippe', 'cartable', 'Note de la famille 2', familyId(2), createAdult(2, 2).id, childId(2)]) {
      expect(text).not.toContain(JSON.stringify(other).slice(1, -1))
    }
  })

  it('is null for a family that is not in the collective', () => {
    expect(buildFamilyExport(source(), familyId(9), NOW)).toBeNull()
  })
})

describe('collective export', () => {
  it('is a valid versioned file that parses back to the same records', () => {
    const file = buildCollectiveExport(source(), NOW)
    expect(file.format).toBe('pedibus-coop/collective')
    expect(file.version).toBe(1)
    expect(file.exportedAt).toBe('2026-11-30T08:00:00.000Z')
    expect(CollectiveExportSchema.safeParse(file).success).toBe(true)
    const parsed = parseCollectiveExport(JSON.stringify(file))
    expect(parsed).toEqual({ ok: true, value: file })
  })

  it('reads a file written before settings had ownCalendar as a zone calendar', () => {
    const file = buildCollectiveExport(source(), NOW)
    const { ownCalendar, ...olderSettings } = file.settings
    expect(ownCalendar).toBe(false)
    const parsed = parseCollectiveExport(JSON.stringify({ ...file, settings: olderSettings }))
    expect(parsed.ok && parsed.value.settings.ownCalendar).toBe(false)
  })

  it('refuses bad JSON, a family file, another version, a record that fails its schema and a file without a profile', () => {
    const good = buildCollectiveExport(source(), NOW)
    const family = buildFamilyExport(source(), familyId(1), NOW)
    const badChild = { ...good, children: [{ ...good.children[0], initial: 'not an initial' }] }
    for (const json of ['{', '', 'null', '[]', JSON.stringify(family), JSON.stringify({ ...good, version: 2 }), JSON.stringify(badChild), JSON.stringify({ ...good, profile: null })]) {
      expect(parseCollectiveExport(json)).toEqual({ ok: false, error: 'invalidExport' })
    }
  })
})

describe('CSV cells', () => {
  it('puts an apostrophe before a cell a spreadsheet would run as a formula', () => {
    expect(csvCell(INJECTED_FAMILY)).toBe(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`)
    expect(csvCell('+33 6 12 34 56 78')).toBe(`'+33 6 12 34 56 78`)
    expect(csvCell('-2+3')).toBe(`'-2+3`)
    expect(csvCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`)
    expect(csvCell('\t=1+1')).toBe(`'\t=1+1`)
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`)
    expect(csvCell('Camille (=x)')).toBe('Camille (=x)')
    expect(csvCell(3)).toBe('3')
  })

  it('writes French decimals with a comma, and quotes on the dialect\'s separator only', () => {
    expect(csvCell(3.5, FRENCH_CSV)).toBe('3,5')
    expect(csvCell(3.5, ENGLISH_CSV)).toBe('3.5')
    expect(csvCell('Ligne verte, côté parc', FRENCH_CSV)).toBe('Ligne verte, côté parc')
    expect(csvCell('bleue; rouge', FRENCH_CSV)).toBe('"bleue; rouge"')
    expect(csvLine(['a', 'b;c', 2.25], FRENCH_CSV)).toBe('a;"b;c";2,25')
  })

  it('quotes per RFC 4180: separator, quotes and line breaks', () => {
    expect(csvCell('Ligne verte, côté parc')).toBe('"Ligne verte, côté parc"')
    expect(csvCell('dit "stop"')).toBe('"dit ""stop"""')
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"')
    expect(csvCell('simple')).toBe('simple')
    expect(csvLine(['a', 'b,c', 2])).toBe('a,"b,c",2')
  })
})

describe('rota CSV', () => {
  it('lists the effective rota with a BOM, a header and CRLF lines, names neutralised', () => {
    const csv = rotaCsv(source(), localDate('2026-12-03'), localDate('2026-12-03'), NOW, FR)
    expect(csv.startsWith(UTF8_BOM)).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toEqual([
      'Date;Ligne;Sens;Heure;Conducteur;Serre-file;Accompagnants;État;Enfants',
      // Both children take line 1 on Thursdays; the retour has no timed stop and no child routed.
      `2026-12-03;Ligne verte, côté parc;aller;08:05;Camille (Martin);"'+33 6 12 34 56 78 (=HYPERLINK(""http://evil.example"",""Cliquez""))";;complet;2`,
      `2026-12-03;Ligne verte, côté parc;retour;;;;;à pourvoir;0`,
      '',
    ])
  })

  it('opens in columns as French and English spreadsheet software read it (csv-parse set like each)', () => {
    const rows = rotaCsvRows(source(), localDate('2026-12-03'), localDate('2026-12-03'), NOW, FR)
    // What a spreadsheet shows: each value, a formula-like one after the apostrophe that keeps it from running.
    const asRead = (cells: readonly (string | number)[]): string[] =>
      cells.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : String(cell)))
    // French Excel or LibreOffice opening a double-clicked file: ';' between cells, the BOM read as UTF-8.
    const french = parse(rotaCsv(source(), localDate('2026-12-03'), localDate('2026-12-03'), NOW, FR), { delimiter: ';', bom: true })
    expect(french[0]).toEqual(['Date', 'Ligne', 'Sens', 'Heure', 'Conducteur', 'Serre-file', 'Accompagnants', 'État', 'Enfants'])
    expect(french.slice(1)).toEqual(rows.map(asRead))
    expect(french.every((line: string[]) => line.length === 9)).toBe(true)
    const english = parse(rotaCsv(source(), localDate('2026-12-03'), localDate('2026-12-03'), NOW, EN), { delimiter: ',', bom: true })
    expect(english.slice(1)).toEqual(rotaCsvRows(source(), localDate('2026-12-03'), localDate('2026-12-03'), NOW, EN).map(asRead))
    expect(english.every((line: string[]) => line.length === 9)).toBe(true)
    // Read with the other language's separator, the file would be one column: what French users saw before.
    expect(parse(rotaCsv(source(), localDate('2026-12-03'), localDate('2026-12-03'), NOW, FR), { delimiter: ',', bom: true, relax_column_count: true, relax_quotes: true })[0])
      .toHaveLength(1)
  })

  it('marks a cancelled walk with its reason and counts declared absences out', () => {
    const base = source()
    const withStrike: ExportSource = {
      ...base,
      exceptions: [{ id: uuid(7, 1), date: localDate('2026-12-04'), lineId: null, direction: null, reason: 'strike', note: '' }],
      absences: base.walkLog.absences,
    }
    const rows = rotaCsvRows(withStrike, localDate('2026-12-03'), localDate('2026-12-04'), NOW, FR)
    expect(rows.map((row) => [row[0], row[2], row[7], row[8]])).toEqual([
      ['2026-12-03', 'aller', 'complet', 0],
      ['2026-12-03', 'retour', 'à pourvoir', 0],
      ['2026-12-04', 'aller', 'annulé (grève)', 2],
      ['2026-12-04', 'retour', 'annulé (grève)', 0],
    ])
  })

  it('says what happened on walks that started, "avant le collectif" before the first family, never "à pourvoir"', () => {
    const base = source()
    // Now: Monday 30 November 2026, 09:00 Paris (the 08:05 aller has started). Families joined on Thursday 26.
    const history: ExportSource = {
      ...base,
      families: base.families.map((one) => ({ ...one, joinedOn: localDate('2026-11-26') })),
      signUps: [
        ...base.signUps,
        createSignUp(1, 'lead', 3, 1, { date: '2026-11-27' }),
        createSignUp(2, 'tail', 4, 2, { date: '2026-11-27' }),
        createSignUp(1, 'lead', 5, 1, { date: '2026-11-26' }),
      ],
    }
    const rows = rotaCsvRows(history, localDate('2026-11-23'), localDate('2026-12-03'), NOW, FR)
    expect(rows.map((row) => [row[0], row[2], row[4], row[7]])).toEqual([
      ['2026-11-23', 'aller', '', 'avant le collectif'],
      ['2026-11-23', 'retour', '', 'avant le collectif'],
      ['2026-11-24', 'aller', '', 'avant le collectif'],
      ['2026-11-24', 'retour', '', 'avant le collectif'],
      ['2026-11-26', 'aller', 'Camille (Martin)', 'incomplet'],
      ['2026-11-26', 'retour', '', 'incomplet'],
      ['2026-11-27', 'aller', 'Camille (Martin)', 'complet'],
      ['2026-11-27', 'retour', '', 'incomplet'],
      ['2026-11-30', 'aller', '', 'incomplet'],
      ['2026-11-30', 'retour', '', 'urgent'],
      ['2026-12-01', 'aller', '', 'urgent'],
      ['2026-12-01', 'retour', '', 'urgent'],
      ['2026-12-03', 'aller', 'Camille (Martin)', 'complet'],
      ['2026-12-03', 'retour', '', 'à pourvoir'],
    ])
  })

  it('speaks English when the phone does: header, directions, states and cancellations, no French word left', () => {
    const base = source()
    const withStrike: ExportSource = {
      ...base,
      exceptions: [{ id: uuid(7, 1), date: localDate('2026-12-04'), lineId: null, direction: null, reason: 'strike', note: '' }],
    }
    const csv = rotaCsv(withStrike, localDate('2026-12-03'), localDate('2026-12-04'), NOW, EN)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('Date,Line,Direction,Time,Lead,Tail,Extras,State,Children')
    expect(lines[1]).toBe(
      `2026-12-03,"Ligne verte, côté parc",to school,08:05,Camille (Martin),"'+33 6 12 34 56 78 (=HYPERLINK(""http://evil.example"",""Cliquez""))",,covered,2`,
    )
    const rows = rotaCsvRows(withStrike, localDate('2026-12-03'), localDate('2026-12-04'), NOW, EN)
    expect(rows.map((row) => [row[0], row[2], row[7]])).toEqual([
      ['2026-12-03', 'to school', 'covered'],
      ['2026-12-03', 'from school', 'to fill'],
      ['2026-12-04', 'to school', 'cancelled (strike)'],
      ['2026-12-04', 'from school', 'cancelled (strike)'],
    ])
    for (const french of ['Sens', 'Conducteur', 'Serre-file', 'État', 'Enfants', 'aller', 'retour', 'complet', 'pourvoir', 'annulé', 'grève']) {
      expect(csv.replaceAll('Ligne verte', ''), french).not.toContain(french)
    }
  })

  it('names holidays in the file’s language, with dates to confirm', () => {
    const walk = (cancellation: Parameters<typeof EN.cancellation>[0]) => [EN.cancellation(cancellation), FR.cancellation(cancellation)]
    expect(walk({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel', provisional: true }))
      .toEqual(['cancelled (holidays: Christmas holidays, dates to confirm)', 'annulé (vacances : Vacances de Noël, dates à confirmer)'])
    expect(walk({ kind: 'publicHoliday', label: 'Jour de l’an', id: 'newYear' }))
      .toEqual(['cancelled (public holiday: New Year’s Day)', 'annulé (jour férié : Jour de l’an)'])
    expect(walk({ kind: 'holiday', label: 'Fête du quartier' })).toEqual(['cancelled (holidays: Fête du quartier)', 'annulé (vacances : Fête du quartier)'])
  })

  it('is only the header for a reversed range', () => {
    expect(rotaCsvRows(source(), localDate('2026-12-04'), localDate('2026-12-03'), NOW, FR)).toEqual([])
  })
})
