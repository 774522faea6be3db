// The demo collective: opened from the welcome screen, labelled as an example, with the rota screens working on it
// (week, sign-up by keyboard, my walks, today stop by stop with tap-to-call), and nothing sent to the relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type BrowserHarness, type Phone } from '../helpers/browser.ts'

const POLL = { timeout: 10_000, interval: 100 }
// A Thursday of a school week, 07:30 in Paris: the demo's data is built around "now".
const NOW = new Date('2027-03-11T07:30:00+01:00')

describe('the demo collective', () => {
  let harness: BrowserHarness
  let phone: Phone
  const sockets: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
    phone = await harness.newPhone()
    await phone.page.clock.setFixedTime(NOW)
    phone.page.on('websocket', (socket) => sockets.push(socket.url()))
  })
  afterAll(async () => {
    await harness?.teardown()
  })

  it('opens from the welcome screen and says it is an example', async () => {
    const { page } = phone
    await page.goto('/')
    await page.getByRole('link', { name: 'Découvrir avec un exemple' }).click()
    await page.waitForURL((url) => url.pathname === '/demo')
    await expect.poll(() => page.getByTestId('demo-banner').textContent(), POLL).toContain('Ceci est un exemple')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toContain('Exemple')
  })

  it('shows this week with places to fill in words, and signs up by keyboard with an announced outcome', async () => {
    const { page } = phone
    await page.getByRole('link', { name: 'Cette semaine' }).click()
    await page.waitForURL((url) => url.pathname === '/demo/semaine')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Cette semaine')
    expect(await page.getByTestId('demo-banner').count()).toBe(1)
    const states = await page.getByTestId('walk-state').allTextContents()
    expect(states.length).toBeGreaterThan(0)
    expect(states.some((text) => /À pourvoir|Urgent/.test(text))).toBe(true)

    const take = page.getByRole('button', { name: /À pourvoir S’inscrire ?, \w+ \d+ \w+ \((aller|retour)\)$/ }).first()
    await take.focus()
    await page.keyboard.press('Enter')
    // One adult in the demo family signs up at once; several ask "Qui y va ?" first.
    const choice = page.getByTestId('adult-choice')
    if (await choice.count()) await choice.getByRole('button').first().press('Enter')
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toMatch(/^(C’est noté|Ce créneau est déjà pris)/)
  })

  it('lists my walks, and today stop by stop with children, support notes and tap-to-call', async () => {
    const { page } = phone
    await page.getByRole('link', { name: 'Mes trajets' }).click()
    await expect.poll(() => page.getByTestId('my-place').count(), POLL).toBeGreaterThan(0)

    await page.getByRole('link', { name: 'Aujourd’hui' }).click()
    await page.waitForURL((url) => url.pathname === '/demo/aujourdhui')
    await expect.poll(() => page.getByTestId('today-stop').count(), POLL).toBeGreaterThan(3)
    expect(await page.getByText('Nous sommes le jeudi 11 mars.').count()).toBe(1)
    expect((await page.getByTestId('today-child').allTextContents()).join(' ')).toMatch(/À faire : /)
    const call = page.getByTestId('call').first()
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{10,}$/)
    const box = await call.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48)
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('never opened a connection to the relay', () => {
    expect(sockets).toEqual([])
  })
})
