// Accessibility check of the screen a browser test is on: axe-core (WCAG 2.x A and AA rules) run inside the page.
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** One violation, short enough for a failure message: the rule, and the first elements it found. */
export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly targets: readonly string[]
}

/** The axe violations of the page as it is now (WCAG 2.0/2.1/2.2 A and AA); [] when it passes. */
export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[]
    }> } }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }))
  })
}
