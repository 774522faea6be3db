// The measures of the phone bench, each timed inside the page (performance.now(), until the frame after the DOM
// change is painted): first-visit paint, cold offline start to the week, sign-up tap, next week, walk mode; plus the
// one-time set-up of the phone that joins the collective by its invite link.
import type { Browser, Page } from 'playwright-core'
import { addDays, type LocalDate } from '../../src/domain/dates.ts'
import { fr } from '../../src/ui/i18n/fr.ts'
import { heapUsed, newFreshContext, throttledPage, waitForServiceWorkerControl, type PersistentPhone } from './browser.ts'
import { profiled } from './profile.ts'
import type { BenchRoom } from './room.ts'

interface PageProbe {
  firstCard: number | null
  afterPaint(done: (at: number) => void): void
  wait?: Promise<number>
  tapAt?: number
}
declare global {
  interface Window { __phoneBench: PageProbe }
}

const SLOW = { timeout: 120_000 }

/** The week screen of `monday` ("Cette semaine" itself when it is the week it opens by default). */
const weekPath = (room: BenchRoom, monday: LocalDate): string =>
  monday === room.monday && room.isDefaultWeek ? `${room.base}/semaine` : `${room.base}/semaine/${monday}`

const firstCardPainted = async (page: Page): Promise<number> => {
  await page.waitForFunction(() => window.__phoneBench.firstCard !== null, undefined, SLOW)
  return page.evaluate(() => window.__phoneBench.firstCard ?? Number.NaN)
}

/** Opens the week of `monday` on `page` and waits until its first walk card is painted. */
const openWeek = async (page: Page, room: BenchRoom, monday: LocalDate): Promise<void> => {
  await page.goto(weekPath(room, monday))
  await firstCardPainted(page)
}

/**
 * The phone joins by the invite link, receives the whole collective from the relay, says who it is, and has the app
 * precached by its service worker. Then one offline start, untimed, checks that the phone's own storage holds it all.
 */
export const setUpPhone = async (phone: PersistentPhone, room: BenchRoom): Promise<void> => {
  const page = await phone.context.newPage()
  await page.goto(room.inviteUrl)
  await page.waitForURL((url) => url.pathname === room.base, SLOW)
  await page.goto(`${room.base}/familles`)
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="manage-families"] > li').length === count, room.families, SLOW)
  const weekBefore = addDays(room.monday, -7)
  await page.goto(`${room.base}/semaine/${weekBefore}`)
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="holder"]').length === count, room.heldWeekBefore, SLOW)
  await page.getByTestId('me').getByRole('button').first().click()
  await page.getByLabel(fr['rota.me.family']).selectOption({ label: room.me.family })
  await page.getByLabel(fr['rota.me.adult']).selectOption({ label: room.me.adult })
  await page.getByRole('button', { name: fr['rota.me.save'] }).click()
  await page.waitForFunction((text) => document.querySelector('[data-testid="me"]')?.textContent?.includes(text) ?? false,
    `Vous êtes ${room.me.adult} (${room.me.family}).`, SLOW)
  await waitForServiceWorkerControl(page)
  await page.waitForFunction((text) => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes(text) ?? false,
    fr['status.allOnRelay'], SLOW)
  await page.close()

  await phone.context.setOffline(true)
  try {
    const offline = await phone.context.newPage()
    await offline.goto(`${room.base}/semaine/${weekBefore}`)
    await offline.waitForFunction((count) => document.querySelectorAll('[data-testid="holder"]').length === count,
      room.heldWeekBeforeMine, SLOW)
    await offline.close()
  } finally {
    await phone.context.setOffline(false)
  }
}

/** Navigation start to first contentful paint of the invite link, in a fresh context (nothing cached), online. */
export const firstVisitPaint = async (browser: Browser, room: BenchRoom, baseURL: string, rate: number, slowNetwork = false): Promise<number> => {
  const context = await newFreshContext(browser, baseURL)
  try {
    const page = await throttledPage(context, rate, slowNetwork)
    await page.goto(room.inviteUrl)
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, SLOW)
    return await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN)
  } finally {
    await context.close()
  }
}

/**
 * Offline, a new page: navigation start to the first walk card of the week painted; and the JS heap used then.
 * `profile`: a .cpuprofile file to write, from before the navigation to the card painted.
 */
export const coldOfflineStart = async (
  phone: PersistentPhone, room: BenchRoom, rate: number, profile: string | null = null,
): Promise<{ ms: number; heap: number }> => {
  await phone.context.setOffline(true)
  try {
    const page = await throttledPage(phone.context, rate)
    try {
      const ms = await profiled(page, profile, async () => {
        await page.goto(weekPath(room, room.monday), { waitUntil: 'commit' })
        return firstCardPainted(page)
      })
      return { ms, heap: await heapUsed(page) }
    } finally {
      await page.close()
    }
  } finally {
    await phone.context.setOffline(false)
  }
}

/** A page on the week screen, kept between runs of the same rate (sign-ups, next week, walk mode). */
export interface WeekSession {
  readonly page: Page
  readonly room: BenchRoom
  /** Walks (date|direction) this phone's adult is on already: a second place at the same time is refused. */
  readonly busy: Set<string>
  /** Monday of the week the page shows, null before the first visit. */
  shown: LocalDate | null
}

export const openWeekSession = async (phone: PersistentPhone, room: BenchRoom, rate: number, busy: Set<string>): Promise<WeekSession> =>
  ({ page: await throttledPage(phone.context, rate), room, busy, shown: null })

const showWeek = async (session: WeekSession, monday: LocalDate): Promise<void> => {
  await openWeek(session.page, session.room, monday)
  session.shown = monday
}

/** What the page must show before the tap counts as answered. */
type TapAnswer =
  | { readonly kind: 'held'; readonly card: string; readonly before: number }
  | { readonly kind: 'week'; readonly from: LocalDate }

/** Sets up the in-page wait: resolves with the time from the next touchstart to the frame after `answer` shows. */
const armTapWait = (page: Page, answer: TapAnswer): Promise<void> => page.evaluate((expected) => {
  const bench = window.__phoneBench
  const holds = (): boolean => {
    if (expected.kind === 'held') {
      const card = document.querySelector(expected.card)
      return card !== null && card.querySelectorAll('li[data-state="held"]').length > expected.before
    }
    const day = document.querySelector('[data-testid="day"]')
    return day !== null && (day.getAttribute('data-date') ?? '') >= expected.from && day.querySelector('[data-testid="walk"]') !== null
  }
  bench.tapAt = undefined
  document.addEventListener('touchstart', (event) => {
    const now = performance.now()
    bench.tapAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now
  }, { capture: true, once: true })
  bench.wait = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`no answer to the tap in 60 s (${JSON.stringify(expected)})`))
    }, 60_000)
    const observer = new MutationObserver(() => {
      if (bench.tapAt === undefined || !holds()) return
      observer.disconnect()
      clearTimeout(timer)
      const tapAt = bench.tapAt
      bench.afterPaint((at) => resolve(at - tapAt))
    })
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
  })
}, answer)

const tapResult = (page: Page): Promise<number> => page.evaluate(() => window.__phoneBench.wait ?? Promise.resolve(Number.NaN))

/**
 * Tap on "S'inscrire" of a free place (on a walk at a time this adult is free) to the card painted with it held.
 * `profile`: a .cpuprofile file to write, from just before the tap to the card painted.
 */
export const signUpTap = async (session: WeekSession, profile: string | null = null): Promise<number> => {
  const { page, room } = session
  for (let week = 0; week < 20; week++) {
    const monday = addDays(room.monday, 7 * week)
    if (session.shown !== monday) {
      if (session.shown !== null && session.shown > monday) continue
      await showWeek(session, monday)
    }
    const keys = await page.evaluate(() => [...document.querySelectorAll('[data-testid="walk"]')]
      .filter((card) => card.querySelector('button.slot__take') !== null)
      .map((card) => card.getAttribute('data-walk') ?? ''))
    const key = keys.find((candidate) => !session.busy.has(candidate.split('|').slice(1).join('|')))
    if (key === undefined) continue
    const selector = `[data-testid="walk"][data-walk="${key}"]`
    await armTapWait(page, { kind: 'held', card: selector, before: await page.locator(`${selector} li[data-state="held"]`).count() })
    const button = page.locator(`${selector} button.slot__take`).first()
    await button.waitFor()
    const ms = await profiled(page, profile, async () => {
      await button.tap()
      return tapResult(page)
    })
    session.busy.add(key.split('|').slice(1).join('|'))
    return ms
  }
  throw new Error('no free place left to sign up on in the next 20 weeks')
}

/** Tap on "Semaine suivante" (from the measured week) to the next week's first day of walks painted. */
export const nextWeekTap = async (session: WeekSession): Promise<number> => {
  const { page, room } = session
  await showWeek(session, room.monday)
  const next = addDays(room.monday, 7)
  await armTapWait(page, { kind: 'week', from: next })
  await page.getByRole('link', { name: fr['rota.week.next'] }).tap()
  const ms = await tapResult(page)
  session.shown = next
  return ms
}

/**
 * From the measured week, the app's router opens the walk screen of its first running walk (as a link to it would:
 * history.pushState and the router's popstate), to its check-in list painted. The walk screens are a lazy chunk.
 */
export const openWalkMode = async (session: WeekSession): Promise<number> => {
  const { page, room } = session
  await showWeek(session, room.monday)
  const key = await page.evaluate(() => document.querySelector('[data-testid="walk"]:not([data-state="cancelled"])')?.getAttribute('data-walk') ?? '')
  const [lineId, date, direction] = key.split('|')
  if (!lineId || !date || !direction) throw new Error(`no walk to open on the week of ${room.monday}`)
  const path = `${room.base}/trajet/${lineId}/${date}/${direction}`
  const result = await page.evaluate((target) => new Promise<{ ms: number; shown: string }>((resolve) => {
    const bench = window.__phoneBench
    const started = performance.now()
    const observer = new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="checkin-list"], [data-testid="walk-cancelled"], [data-testid="walk-not-found"]')
      if (!shown) return
      observer.disconnect()
      bench.afterPaint((at) => resolve({ ms: at - started, shown: shown.getAttribute('data-testid') ?? '' }))
    })
    observer.observe(document.body, { childList: true, subtree: true })
    history.pushState(null, '', target)
    dispatchEvent(new PopStateEvent('popstate'))
  }), path)
  session.shown = null
  if (result.shown !== 'checkin-list') throw new Error(`walk mode of ${key} showed ${result.shown}, not its check-in list`)
  return result.ms
}
