// Browser-test steps shared by the scenarios: create a collective, its lines, families and children through the real screens,
// say who a phone is, invite the other phones, and wait for the sync.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { readInviteLink } from './browser.ts'

const POLL = { timeout: 15_000, interval: 100 }

/** Creates "Pédibus des Écureuils" on `page` and returns its base path, `/c/<roomId>`. */
export const createCollective = async (page: Page): Promise<string> => {
  await page.goto('/creer')
  await page.getByLabel('Nom du collectif').fill('Pédibus des Écureuils')
  await page.getByLabel('École').fill('École Jules Ferry')
  await page.getByLabel('Commune').fill('Lesparre-Médoc')
  await page.getByLabel('Code postal').fill('33340')
  await page.getByRole('button', { name: 'Créer le collectif' }).click()
  await page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\//)
  return /^\/c\/[A-Za-z0-9_-]{22}/.exec(new URL(page.url()).pathname)?.[0] ?? ''
}

/** Adds a family from the families list and its first adult; leaves `page` on the family's page. */
export const addFamilyWithAdult = async (page: Page, base: string, name: string, adult: string, phone: string): Promise<void> => {
  await page.goto(`${base}/familles`)
  await page.getByLabel(fr['families.addLabel']).fill(name)
  await page.getByRole('button', { name: fr['families.add'] }).click()
  await page.waitForURL(/\/familles\/[0-9a-f-]{36}$/)
  await page.getByLabel(fr['manage.adult.firstName']).fill(adult)
  await page.getByLabel(fr['manage.adult.phone'], { exact: true }).fill(phone)
  await page.getByRole('button', { name: fr['manage.adult.add'] }).click()
  await expect.poll(() => page.getByTestId('adult-name').allTextContents(), POLL).toEqual([adult])
}

/** One stop of a new line: its name, its times (a retour time only on a line that has a retour) and its access notes. */
export interface StopToAdd {
  readonly name: string
  readonly aller?: string
  readonly retour?: string
  readonly access?: 'crossing' | 'stepFree'
}

/**
 * Creates the line `name` from the lines page (with a retour when any stop has a retour time), then adds `stops` in order,
 * waiting for each to show at the end of the list; leaves `page` on the line page and returns the line's id.
 */
export const addLineWithStops = async (page: Page, base: string, name: string, stops: ReadonlyArray<StopToAdd>): Promise<string> => {
  await page.goto(`${base}/lignes`)
  await page.getByLabel(fr['manage.line.name']).fill(name)
  if (stops.some((stop) => stop.retour !== undefined)) await page.getByLabel(fr['manage.direction.retourLong']).check()
  await page.getByRole('button', { name: fr['manage.line.create'] }).click()
  await page.waitForURL(/\/lignes\/[0-9a-f-]{36}$/)
  const lineId = /\/lignes\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? ''
  for (const [index, stop] of stops.entries()) {
    await page.getByLabel(fr['manage.stop.name']).fill(stop.name)
    if (stop.aller !== undefined) await page.getByLabel(fr['manage.stop.timeAller']).fill(stop.aller)
    if (stop.retour !== undefined) await page.getByLabel(fr['manage.stop.timeRetour']).fill(stop.retour)
    if (stop.access === 'crossing') await page.getByLabel(fr['manage.stop.dangerousCrossingLabel']).check()
    if (stop.access === 'stepFree') await page.getByLabel(fr['manage.stop.stepFreeLabel']).check()
    await page.getByRole('button', { name: fr['manage.stop.add'] }).click()
    const added = stops.slice(0, index + 1).map((added) => added.name)
    await expect.poll(() => page.getByTestId('stop-name').allTextContents(), POLL).toEqual(added)
  }
  return lineId
}

/** A child to add on the family page; the stops are the options' labels, e.g. "Place du Marché (08:05)". */
export interface ChildToAdd {
  readonly firstName: string
  readonly initial: string
  readonly stopAller?: string
  readonly stopRetour?: string
  readonly support?: string
}

/** On the family's page: adds `child` and waits until the family's children read `expectedNames`. */
export const addChild = async (page: Page, child: ChildToAdd, expectedNames: readonly string[]): Promise<void> => {
  await page.getByLabel(fr['manage.child.firstName']).fill(child.firstName)
  await page.getByLabel(fr['manage.child.initial']).fill(child.initial)
  if (child.stopAller !== undefined) await page.getByLabel(fr['manage.child.stopAller']).selectOption({ label: child.stopAller })
  if (child.stopRetour !== undefined) await page.getByLabel(fr['manage.child.stopRetour']).selectOption({ label: child.stopRetour })
  if (child.support) {
    // A note needs the family's agreement, and on a family not this phone's "à sa demande" (issue 16).
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: fr['manage.child.add'] }) })
    await form.getByLabel(fr['manage.child.support']).fill(child.support)
    await form.getByLabel(fr['manage.consent.agree']).check()
    const onRequest = form.getByLabel(fr['manage.consent.onRequest'])
    if (await onRequest.count() > 0) await onRequest.check()
  }
  await page.getByRole('button', { name: fr['manage.child.add'] }).click()
  await expect.poll(() => page.getByTestId('child-name').allTextContents(), POLL).toEqual(expectedNames)
}

/** Answers "Qui êtes-vous ?" on the page `page` is on (opens it, picks the family and the adult, saves); waits for nothing. */
export const chooseWhoIAm = async (page: Page, family: string, adult: string): Promise<void> => {
  await page.getByTestId('me').getByRole('button').click()
  await page.getByLabel(fr['rota.me.family']).selectOption({ label: family })
  await page.getByLabel(fr['rota.me.adult']).selectOption({ label: adult })
  await page.getByRole('button', { name: fr['rota.me.save'] }).click()
}

/** Opens `${base}${path}` (a week or the coordination page), says who this phone is and waits for "Vous êtes …". */
export const sayWhoIAm = async (page: Page, base: string, family: string, adult: string, path: string): Promise<void> => {
  await page.goto(`${base}${path}`)
  await chooseWhoIAm(page, family, adult)
  await expect.poll(() => page.getByTestId('me').textContent(), POLL).toContain(`Vous êtes ${adult} (${family}).`)
}

/**
 * Opens the invite screen on `inviter` and has each of `joiners` follow the link into the collective at `base`: the
 * guided join opens on its family step, which they skip ("Passer"), landing on the week without a family (the tests
 * then say who they are with `sayWhoIAm`; tests/browser/join-guided.test.ts walks the guide itself).
 */
export const joinByInvite = async (inviter: Page, base: string, joiners: readonly Page[]): Promise<void> => {
  await inviter.goto(`${base}/inviter`)
  const invite = await readInviteLink(inviter)
  for (const page of joiners) {
    await page.goto(invite)
    await skipGuidedJoin(page, base)
  }
}

/** On the guided join's family step of the collective at `base`: "Passer", then waits for the week. */
export const skipGuidedJoin = async (page: Page, base: string): Promise<void> => {
  await page.waitForURL((url) => url.pathname === `${base}/bienvenue/famille`)
  await page.getByRole('link', { name: fr['welcome.skip'] }).click()
  await page.waitForURL((url) => url.pathname === `${base}/semaine`)
}

/** Waits until the sync status reads "Tout est sur le relais". */
export const waitAllSynced = async (page: Page): Promise<void> => {
  await expect.poll(() => page.getByTestId('sync-status').textContent(), POLL).toContain('Tout est sur le relais')
}
