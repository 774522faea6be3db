// "Trajet en binôme" commands: each checks the walk as the screens show it (swaps applied) and writes once.
import { authorTime } from '../doc/clock.ts'
import { writePair, writePairs } from '../doc/mutations-pairs.ts'
import { addDays, type LocalDate } from '../domain/dates.ts'
import type { AdultId } from '../domain/ids.ts'
import { handoverWalks, pairKeyOf, pairRefusal, type Pair } from '../domain/pairs.ts'
import { deriveWalks } from '../domain/rota/walks.ts'
import type { WalkRef } from '../domain/signup.ts'
import type { FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { PairCommands } from './api-pairs.ts'
import type { CommandContext } from './commands.ts'
import { effectiveOf, effectiveWalkOf, startOf, todayIn } from './queries/rota.ts'

/** "Passer le témoin" looks this far ahead at most (a school year). */
const HANDOVER_MAX_DAYS = 366

export const createPairCommands = ({ doc, view, me, now }: CommandContext): PairCommands => {
  const authored = () => ({ actor: me.get().actorId, at: authorTime(now()) })
  const known = (adultId: AdultId): boolean => view.get().adults.some((adult) => adult.id === adultId)
  const activePair = (walk: WalkRef, adultId: AdultId): Pair | undefined => {
    const key = pairKeyOf({ walk, adultId })
    return view.get().pairs?.find((pair) => pair.status === 'active' && pairKeyOf(pair) === key)
  }
  const started = (walk: WalkRef): boolean => {
    const start = startOf(view.get(), walk)
    return start === null || now() >= start
  }

  return {
    askPair(walk, adultId, withAdultId) {
      if (!known(adultId) || !known(withAdultId)) return err('unknownAdult')
      const effective = effectiveWalkOf(view.get(), walk, now())
      if (effective === null || effective.cancellation !== null || started(walk)) return err('walkNotRunning')
      const refusal = pairRefusal(effective, adultId, withAdultId)
      if (refusal !== null) return err(refusal)
      const ref = { lineId: walk.lineId, date: walk.date, direction: walk.direction }
      const written = writePair(doc, { walk: ref, adultId, withAdultId, kind: 'pair', status: 'active', ...authored() })
      return written.ok ? ok(undefined) : err('notRecorded')
    },

    withdrawPair(walk, adultId) {
      const pair = activePair(walk, adultId)
      if (pair === undefined) return err('nothingToWithdraw')
      const { withAdultId, kind } = pair
      const written = writePair(doc, { walk: pair.walk, adultId, withAdultId, kind, status: 'withdrawn', ...authored() })
      return written.ok ? ok(undefined) : err('notRecorded')
    },

    handOver(fromAdultId, toAdultId, until) {
      return handOverChecked(fromAdultId, toAdultId, until)
    },
  }

  function handOverChecked(
    fromAdultId: AdultId, toAdultId: AdultId, until: LocalDate,
  ): Result<number, FieldErrors | 'nothingToHandOver'> {
    if (!known(toAdultId)) return err({ to: 'required' })
    if (toAdultId === fromAdultId) return err({ to: 'sameAdult' })
    const today = todayIn(now())
    if (until < today) return err({ until: 'beforeToday' })
    const last = until < addDays(today, HANDOVER_MAX_DAYS) ? until : addDays(today, HANDOVER_MAX_DAYS)
    const current = view.get()
    const walks = effectiveOf(current, deriveWalks(current, today, last), now()).filter((walk) => !started(walk))
    const chosen = handoverWalks(walks, fromAdultId, toAdultId, today, last, current.pairs ?? [])
    if (chosen.length === 0) return err('nothingToHandOver')
    const pairs = chosen.map((walk) => ({
      walk: { lineId: walk.lineId, date: walk.date, direction: walk.direction }, adultId: toAdultId, withAdultId: fromAdultId,
      kind: 'handover' as const, status: 'active' as const, ...authored(),
    }))
    const written = writePairs(doc, pairs)
    return written > 0 ? ok(written) : err('nothingToHandOver')
  }
}
