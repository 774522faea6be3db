// The print views' collective: one line of three stops, two families with a phone each, three children, two places held on Thursday 11 March 2027.
import type { CollectiveView } from '../../../src/app/api.ts'
import type { RosterEntry } from '../../../src/domain/coordination/records.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { ActorIdSchema, AdultIdSchema, ChildIdSchema, FamilyIdSchema, LineIdSchema, StopIdSchema } from '../../../src/domain/ids.ts'
import type { Line, Stop } from '../../../src/domain/line.ts'
import type { Adult, Child } from '../../../src/domain/people.ts'
import type { SignUp } from '../../../src/domain/signup.ts'
import { makeView, type ViewParts } from '../../helpers/make-view.ts'

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
export const lineId = LineIdSchema.parse(uuid(1))
export const martin = FamilyIdSchema.parse(uuid(10))
export const nguyen = FamilyIdSchema.parse(uuid(11))
export const lea = AdultIdSchema.parse(uuid(20))
export const paul = AdultIdSchema.parse(uuid(21))
export const actor = ActorIdSchema.parse(uuid(30))
export const stopIds = [StopIdSchema.parse(uuid(40)), StopIdSchema.parse(uuid(41)), StopIdSchema.parse(uuid(42))]
export const tom = ChildIdSchema.parse(uuid(50))
export const nina = ChildIdSchema.parse(uuid(51))
export const ali = ChildIdSchema.parse(uuid(52))

export const line: Line = { id: lineId, name: 'Ligne Verte', colour: '#1f5f3f', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }
export const stop = (index: number, name: string, aller: string, retour: string, access: Partial<Stop['access']> = {}): Stop => ({
  id: stopIds[index] ?? stopIds[0]!, lineId, name, position: index + 1,
  times: { aller: aller as TimeOfDay, retour: retour as TimeOfDay },
  access: { stepFree: false, dangerousCrossing: false, note: '', ...access },
})
export const stops = [
  stop(0, 'Place du Marché', '08:05', '16:50'),
  stop(1, 'Rue des Lilas', '08:10', '16:45', { dangerousCrossing: true, note: 'feu piéton' }),
  stop(2, 'Parc des Pins', '08:15', '16:40', { stepFree: true }),
]
export const adults: Adult[] = [
  { id: lea, familyId: martin, firstName: 'Léa', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true },
  { id: paul, familyId: nguyen, firstName: 'Paul', phone: '06 55 66 77 88', charterAcceptedOn: null, insured: true },
]
export const child = (id: typeof tom, familyId: typeof martin, firstName: string, initial: string, stopIndex: number): Child => ({
  id, familyId, firstName, initial, days: [1, 2, 4, 5], support: '', countsExtra: false,
  routes: { aller: { lineId, stopId: stopIds[stopIndex]! }, retour: { lineId, stopId: stopIds[stopIndex]! } },
})
export const children = [child(tom, martin, 'Tom', 'M', 0), child(nina, nguyen, 'Nina', 'N', 2), child(ali, nguyen, 'Ali', 'N', 2)]
export const signUp = (date: string, direction: 'aller' | 'retour', adultId: typeof lea, familyId: typeof martin, slot: SignUp['slot'], clock: number): SignUp =>
  ({ lineId, date: localDate(date), direction, adultId, familyId, slot, status: 'active', clock, actor })
export const roster: RosterEntry[] = [{ familyId: martin, accepted: true, position: 1, from: localDate('2027-03-08'), clock: 1, actor }]

export const view = ({ coordination, ...part }: ViewParts = {}): CollectiveView => makeView({
  profile: { name: 'Pédibus des Écureuils', school: 'École Jules Ferry', town: 'Lesparre-Médoc' },
  lines: [line], stops, families: [{ id: martin, displayName: 'Famille Martin' }, { id: nguyen, displayName: 'Famille Nguyen' }],
  adults, children, signUps: [signUp('2027-03-11', 'aller', lea, martin, 'lead', 1), signUp('2027-03-11', 'aller', paul, nguyen, 'tail', 2)],
  coordination: { roster, ...coordination },
  ...part,
})
export const NOW = new Date('2027-03-02T09:00:00+01:00').getTime()
