// Sign-up and withdrawal: each decides on, and answers from, the effective rota (sign-ups, then swaps) the screens show.
import { authorTime } from '../doc/clock.ts'
import * as edit from '../doc/mutations.ts'
import type { AdultId } from '../domain/ids.ts'
import { walkOf } from '../domain/rota/walks.ts'
import { walkKeyOf, type WalkRef } from '../domain/signup.ts'
import type { EffectiveWalk } from '../domain/swaps/outcomes.ts'
import { err, ok } from '../lib/result.ts'
import type { CollectiveView, RotaCommands } from './api.ts'
import type { CommandContext } from './commands.ts'
import { onBehalfNow } from './acting.ts'
import { swapStateOf } from './queries/swap-state.ts'
import { effectiveWalkOf, holdersOf, onAnotherWalkAt, startOf } from './queries/rota.ts'


/** The adult's active sign-up on the walk, whether or not the walk is still derived. */
const activeSignUp = (view: CollectiveView, walk: WalkRef, adultId: AdultId) => {
  const key = walkKeyOf(walk)
  return view.signUps.find((signUp) => signUp.adultId === adultId && signUp.status === 'active' && walkKeyOf(signUp) === key)
}

/** Whether the adult is on the effective walk: holding a place or on the waiting list. */
const isOn = (walk: EffectiveWalk, adultId: AdultId): boolean =>
  [...holdersOf(walk), ...walk.waiting].some((signUp) => signUp.adultId === adultId)

export const createSignUpCommands = ({ doc, view, me, acting, now }: CommandContext): RotaCommands => ({
  signUp(walkRef, slot, adultId) {
    const before = view.get()
    const adult = before.adults.find((candidate) => candidate.id === adultId)
    if (adult === undefined) return err('unknownAdult')
    const walk = walkOf(before, walkRef)
    if (walk === null || walk.cancellation !== null) return err('walkNotRunning')
    // A place received through a swap absorbs the adult's own sign-up on that walk: writing one would say nothing true.
    if (effectiveWalkOf(before, walk, now())?.viaSwap.some((via) => via.adultId === adultId)) return err('alreadyOnWalk')
    if (onAnotherWalkAt(before, walk, adultId, now())) return err('busyElsewhere')
    const onBehalf = onBehalfNow(acting, now())
    const written = edit.writeSignUp(doc, {
      walk, adultId, familyId: adult.familyId, slot, actor: me.get().actorId, at: authorTime(now()), ...(onBehalf && { onBehalf }),
    })
    if (!written) return err('walkNotRunning')
    // Read back after writing, with every record this phone has and swaps applied: another phone may still win later.
    const after = effectiveWalkOf(view.get(), walk, now())
    if (after !== null && holdersOf(after, slot).some((signUp) => signUp.adultId === adultId)) return ok('held')
    if (after !== null && after.waiting.some((signUp) => signUp.adultId === adultId)) return ok('waiting')
    // The entry just written does not show (it failed validation, or a swap rule set it aside): never claim either.
    return err('notRecorded')
  },

  withdraw(walkRef, adultId) {
    const before = view.get()
    const signUp = activeSignUp(before, walkRef, adultId)
    const effective = effectiveWalkOf(before, walkRef, now())
    const received = effective?.viaSwap.filter((via) => via.adultId === adultId) ?? []
    // On a walk still derived, what counts is the walk the screens show: a sign-up whose place went to someone
    // else through a swap is not "on the walk"; on a walk no longer derived, the sign-up alone.
    // A sign-up set aside by a double booking holds nothing but is still the adult's to withdraw.
    const setAside = signUp !== undefined && swapStateOf(before, now()).resolution.setAside.has(signUp)
    const onWalk = effective === null ? signUp !== undefined : isOn(effective, adultId) || received.length > 0 || setAside
    if (!onWalk) return err('nothingToWithdraw')
    if (received.length > 0) {
      const start = startOf(before, walkRef)
      if (start === null || now() >= start) return err('expired')
    }
    const adult = before.adults.find((candidate) => candidate.id === adultId)
    const walk = { lineId: walkRef.lineId, date: walkRef.date, direction: walkRef.direction }
    const onBehalf = onBehalfNow(acting, now())
    const author = { actor: me.get().actorId, at: authorTime(now()), ...(onBehalf && { onBehalf }) }
    for (const via of received) {
      if (adult === undefined || !edit.writeRelease(doc, { offerId: via.offerId, adultId, familyId: adult.familyId, walk, ...author })) return err('notRecorded')
    }
    if (signUp !== undefined) edit.writeWithdrawal(doc, walk, adultId, author.actor, author.at, onBehalf)
    const current = view.get()
    if (activeSignUp(current, walkRef, adultId) !== undefined) return err('notRecorded')
    const after = effectiveWalkOf(current, walkRef, now())
    if (after !== null && isOn(after, adultId)) return err('notRecorded')
    return ok(received.length > 0 ? 'released' : 'withdrawn')
  },
})
