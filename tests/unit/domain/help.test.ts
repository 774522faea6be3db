// Coups de main: the records' rules, who holds a helper's place (the same on every phone), expiry, and the kinds list.
import { describe, expect, it } from 'vitest'
import { createActorId, createFamilyId, type ActorId, type FamilyId } from '../../../src/domain/ids.ts'
import {
  HelpRequestInputSchema, StoredHelpAnswerSchema, StoredHelpRequestSchema, createHelpRequestId, helpAnswerKeyOf,
  type HelpAnswer, type HelpRequest,
} from '../../../src/domain/help/records.ts'
import { canAnswer, canConfirm, helpStateOf, resolveHelp } from '../../../src/domain/help/resolve.ts'
import { DEFAULT_HELP_KINDS, helpKindLabel, helpKindsOf } from '../../../src/domain/help/kinds.ts'
import { checkHelpInvariants } from '../../../src/domain/help/invariants.ts'

const requester = createFamilyId()
const [a1, a2] = [createActorId(), createActorId()].sort() as [ActorId, ActorId]
const families = [createFamilyId(), createFamilyId(), createFamilyId()] as const

const request = (over: Partial<HelpRequest> = {}): HelpRequest => StoredHelpRequestSchema.parse({
  id: createHelpRequestId(), familyId: requester, type: 'request', kind: 'wednesday', date: '2027-03-17', from: '14:00',
  to: '17:00', needed: 1, note: 'Qui peut garder Léa ?', status: 'open', confirmed: [], clock: 1, actor: a1, ...over,
})
const answer = (req: HelpRequest, familyId: FamilyId, clock: number, actor: ActorId, over: Partial<HelpAnswer> = {}): HelpAnswer =>
  StoredHelpAnswerSchema.parse({ requestId: req.id, familyId, status: 'active', clock, actor, ...over })

describe('a coups de main record', () => {
  it('takes a kind, an optional window, how many helpers and a note; no money, no rating field', () => {
    const parsed = HelpRequestInputSchema.safeParse({ type: 'request', kind: 'carpool', needed: 2, note: '  Jeudi, grève  ' })
    expect(parsed.success && parsed.data).toEqual({ type: 'request', kind: 'carpool', needed: 2, note: 'Jeudi, grève' })
    expect(HelpRequestInputSchema.safeParse({ type: 'request', kind: 'carpool', needed: 0, note: '' }).success).toBe(false)
    expect(HelpRequestInputSchema.safeParse({ type: 'request', kind: 'carpool', needed: 1, note: '', from: '14:00' }).success).toBe(false)
    expect(HelpRequestInputSchema.safeParse({
      type: 'offer', kind: 'lending', needed: 1, note: '', date: '2027-03-17', from: '17:00', to: '14:00',
    }).success).toBe(false)
  })

  it('keys an answer by request and family, so a family answers a request once', () => {
    const req = request()
    expect(helpAnswerKeyOf(answer(req, families[0], 2, a1))).toBe(helpAnswerKeyOf(answer(req, families[0], 9, a2)))
  })

  it('never stores more confirmed helpers than needed', () => {
    expect(() => request({ needed: 1, confirmed: [families[0], families[1]] })).toThrow()
  })
})

describe('who helps', () => {
  it('gives the last place to the lowest (clock, actor), whatever order the answers arrive in, and tells the other', () => {
    const req = request()
    const first = answer(req, families[0], 5, a1)
    const second = answer(req, families[1], 5, a2)
    for (const answers of [[first, second], [second, first]]) {
      const resolved = resolveHelp(req, answers)
      expect(resolved.holders).toEqual([families[0]])
      expect(resolved.waiting).toEqual([families[1]])
    }
  })

  it('puts the families the requester confirmed first, then the others in logical order', () => {
    const req = request({ needed: 2, confirmed: [families[2]] })
    const resolved = resolveHelp(req, [answer(req, families[0], 3, a1), answer(req, families[1], 4, a1), answer(req, families[2], 9, a1)])
    expect(resolved.holders).toEqual([families[2], families[0]])
    expect(resolved.confirmed).toEqual([families[2]])
    expect(resolved.waiting).toEqual([families[1]])
  })

  it('ignores a confirmation whose answer was withdrawn, and answers from the requester family', () => {
    const req = request({ confirmed: [families[0]] })
    const resolved = resolveHelp(req, [
      answer(req, families[0], 3, a1, { status: 'withdrawn' }), answer(req, requester, 2, a1), answer(req, families[1], 4, a2),
    ])
    expect(resolved.confirmed).toEqual([])
    expect(resolved.holders).toEqual([families[1]])
  })

  it('never confirms more than needed, even when the need went down after confirming', () => {
    const req = request({ needed: 2, confirmed: [families[0], families[1]] })
    const fewer = { ...req, needed: 1 }
    const resolved = resolveHelp(fewer, [answer(req, families[0], 3, a1), answer(req, families[1], 4, a1)])
    expect(resolved.confirmed).toEqual([families[0]])
    expect(resolved.waiting).toEqual([families[1]])
  })
})

describe('a request over time', () => {
  const before = Date.parse('2027-03-17T12:00:00+01:00')
  const after = Date.parse('2027-03-17T17:01:00+01:00')

  it('is open, closed, cancelled, reopened by its status, and expired after its window', () => {
    expect(helpStateOf(request(), before)).toBe('open')
    expect(helpStateOf(request(), after)).toBe('expired')
    expect(helpStateOf(request({ status: 'closed' }), before)).toBe('closed')
    expect(helpStateOf(request({ status: 'cancelled' }), before)).toBe('cancelled')
    expect(helpStateOf(request({ from: undefined, to: undefined }), after)).toBe('open')
    expect(helpStateOf(request({ date: undefined, from: undefined, to: undefined }), after)).toBe('open')
  })

  it('takes an answer only while open, never from the requester family', () => {
    expect(canAnswer(request(), families[0], before)).toEqual({ ok: true, value: undefined })
    expect(canAnswer(request(), requester, before)).toEqual({ ok: false, error: 'ownRequest' })
    expect(canAnswer(request(), families[0], after)).toEqual({ ok: false, error: 'notOpen' })
    expect(canAnswer(request({ status: 'cancelled' }), families[0], before)).toEqual({ ok: false, error: 'notOpen' })
  })

  it('lets the requester confirm an answering family while places remain', () => {
    const req = request()
    const answers = [answer(req, families[0], 3, a1), answer(req, families[1], 4, a1)]
    expect(canConfirm(req, answers, families[1])).toEqual({ ok: true, value: [families[1]] })
    expect(canConfirm({ ...req, confirmed: [families[0]] }, answers, families[1])).toEqual({ ok: false, error: 'full' })
    expect(canConfirm(req, answers, families[2])).toEqual({ ok: false, error: 'noAnswer' })
  })
})

describe('the kinds list', () => {
  it('ships French defaults with English and Arabic texts, which the collective can hide or add to', () => {
    expect(DEFAULT_HELP_KINDS.map((kind) => kind.id)).toEqual(['wednesday', 'carpool', 'strike', 'lending', 'outing', 'other'])
    expect(DEFAULT_HELP_KINDS[0]?.label).toEqual({ fr: 'Garde le mercredi', en: 'Wednesday minding', ar: 'رعاية الأطفال يوم الأربعاء' })
    for (const kind of DEFAULT_HELP_KINDS) expect(helpKindLabel(kind, 'ar'), kind.id).toMatch(/^[\u0600-\u06ff][\u0600-\u06ff ()،]+$/)
    const kinds = helpKindsOf([{ id: 'strike', hidden: true }, { id: 'piscine', label: 'Accompagnement piscine', hidden: false }])
    expect(kinds.map((kind) => kind.id)).toEqual(['wednesday', 'carpool', 'lending', 'outing', 'piscine', 'other'])
  })
})

describe('the invariants the convergence harness checks', () => {
  it('fail on more confirmed helpers than needed and on two answers of one family', () => {
    const req = request()
    expect(checkHelpInvariants([req], [answer(req, families[0], 3, a1)])).toEqual([])
    const over = { ...req, confirmed: [families[0], families[1]] }
    expect(checkHelpInvariants([over], [])).toEqual([`request ${req.id}: 2 confirmed, 1 needed`])
    expect(checkHelpInvariants([req], [answer(req, families[0], 3, a1), answer(req, families[0], 4, a2)]))
      .toEqual([`request ${req.id}: family ${families[0]} answered twice`])
  })
})
