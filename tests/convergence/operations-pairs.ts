// Random "trajet en binôme" operations on one replica, through the real writes: ask, withdraw, "passer le témoin".
import type * as Y from 'yjs'
import { MAP_ADULTS } from '../../src/doc/keys.ts'
import { writePair, writePairs } from '../../src/doc/mutations-pairs.ts'
import { readFlatValues } from '../../src/doc/read-flat.ts'
import { pairKind } from '../../src/doc/record-kinds.ts'
import { localDate } from '../../src/domain/dates.ts'
import type { AdultId, LineId } from '../../src/domain/ids.ts'
import type { Direction } from '../../src/domain/line.ts'
import { pairKeyOf, type PairFields } from '../../src/domain/pairs.ts'
import { signUpEntriesOf } from '../../src/doc/signup-layout.ts'
import type { WalkRef } from '../../src/domain/signup.ts'
import type { OpContext, Replica } from './operations.ts'

type Op = (replica: Replica, context: OpContext) => void

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const adults = (doc: Y.Doc): AdultId[] => [...doc.getMap(MAP_ADULTS).keys()] as AdultId[]
const authored = (replica: Replica) => ({ actor: replica.actor, at: '2027-03-01T08:00:00+01:00' })

/** The places this replica sees held (active sign-ups): walk and adult. */
const places = (doc: Y.Doc): { walk: WalkRef; adultId: AdultId }[] =>
  signUpEntriesOf(doc).filter(([, value]) => value.status === 'active').map(([key]) => {
    const [lineId, date, direction, adultId] = key.split('|') as [LineId, string, Direction, AdultId]
    return { walk: { lineId, date: localDate(date), direction }, adultId }
  })
const onWalk = (doc: Y.Doc, walk: WalkRef, adultId: AdultId): boolean =>
  places(doc).some((place) => pairKeyOf(place) === pairKeyOf({ walk, adultId }))

/** As the app asks: the experienced adult holds a place there (as this phone sees it), the newcomer none. */
const ask: Op = (replica, { random }) => {
  const place = pick(random, places(replica.doc))
  const adultId = pick(random, adults(replica.doc).filter((id) => id !== place?.adultId))
  if (place === undefined || adultId === undefined || onWalk(replica.doc, place.walk, adultId)) return
  writePair(replica.doc, { walk: place.walk, adultId, withAdultId: place.adultId, kind: 'pair', status: 'active', ...authored(replica) })
}

const withdraw: Op = (replica, { random }) => {
  const pair = pick(random, readFlatValues(replica.doc, pairKind).filter((p) => p.status === 'active'))
  if (pair === undefined) return
  const { walk, adultId, withAdultId, kind } = pair
  writePair(replica.doc, { walk, adultId, withAdultId, kind, status: 'withdrawn', ...authored(replica) })
}

/** "Passer le témoin": every walk the leaving adult holds where the newcomer neither holds a place nor is paired. */
const handOver: Op = (replica, { random }) => {
  const leaving = pick(random, places(replica.doc))?.adultId
  const newcomer = pick(random, adults(replica.doc).filter((id) => id !== leaving))
  if (leaving === undefined || newcomer === undefined) return
  const paired = new Set(readFlatValues(replica.doc, pairKind).filter((p) => p.status === 'active').map(pairKeyOf))
  const pairs: (PairFields & ReturnType<typeof authored>)[] = places(replica.doc)
    .filter((place) => place.adultId === leaving && !onWalk(replica.doc, place.walk, newcomer)
      && !paired.has(pairKeyOf({ walk: place.walk, adultId: newcomer })))
    .map((place) => ({ walk: place.walk, adultId: newcomer, withAdultId: leaving, kind: 'handover', status: 'active', ...authored(replica) }))
  writePairs(replica.doc, pairs)
}

/** [weight, operation]: a few per run, beside hundreds of sign-ups (only with RunOptions.withPairs). */
export const PAIR_OPERATIONS: readonly (readonly [number, Op])[] = [[8, ask], [3, withdraw], [2, handOver]]
