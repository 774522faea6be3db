// Errors told truthfully on screen: a screen that throws is replaced by a calm message with a way back and reported; the planning screens report what their rules throw.
import { options } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CollectiveView, PlanningCommands, SessionIdentity } from '../../../src/app/api.ts'
import { createErrorChannel } from '../../../src/app/errors.ts'
import { ScreenErrorBoundary, screenOf } from '../../../src/ui/components/ScreenErrorBoundary.tsx'
import { ReportErrorContext } from '../../../src/ui/hooks/report-error.ts'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { Fairness } from '../../../src/ui/pages/planning/FairnessPage.tsx'
import { Planner } from '../../../src/ui/pages/planning/PlanPage.tsx'
import { fairnessModel } from '../domain/planning-fixtures.ts'
import { actorId } from '../domain/rota-fixtures.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const ROOM = 'q4B8mZ0rT1uV2wX3yZ4a5b'

/** The app's error channel, its log lines kept. */
const channel = () => {
  const lines: string[] = []
  return { lines, errors: createErrorChannel((line) => lines.push(line)) }
}

function Crashing(): never {
  // What a screen's rule throws on records it did not expect; the message may quote a name.
  throw new TypeError('Cannot read properties of undefined (reading "Léa")')
}

describe('the error boundary around the screens', () => {
  // preact-render-to-string runs error boundaries (getDerivedStateFromError, componentDidCatch) when asked to.
  const preactOptions = options as { errorBoundaries?: boolean }
  beforeAll(() => {
    preactOptions.errorBoundaries = true
  })
  afterAll(() => {
    delete preactOptions.errorBoundaries
  })

  it('replaces a screen that throws with a calm message and a way back, and reports it to the error channel', () => {
    const { lines, errors } = channel()
    const html = renderToString(
      <ScreenErrorBoundary path={`/c/${ROOM}/planifier`} report={errors.report}>
        <Crashing />
      </ScreenErrorBoundary>,
    )
    expect(text(html)).toContain('Cet écran n’a pas pu s’afficher')
    expect(text(html)).toContain('Vos données sont sur ce téléphone')
    expect(html).toContain(`href="/c/${ROOM}"`)
    expect(text(html)).toContain('Retour au collectif')
    expect(text(html)).toContain('Réessayer')
    expect(errors.messages.get()).toEqual([{ id: 1, key: 'unexpected', context: 'screen /c/:id/planifier' }])
    // The log line names the error's class only: the message may hold personal data, the path a room id.
    expect(lines).toEqual(['[pedibus] screen /c/:id/planifier: TypeError'])
  })

  it('in English outside a collective, the way back is the home page', () => {
    const { errors } = channel()
    const html = renderToString(
      <I18nContext.Provider value={{ language: 'en', t: createTranslate('en') }}>
        <ScreenErrorBoundary path="/reglages" report={errors.report}>
          <Crashing />
        </ScreenErrorBoundary>
      </I18nContext.Provider>,
    )
    expect(text(html)).toContain('This screen could not be shown')
    expect(html).toContain('href="/"')
    expect(text(html)).toContain('Back to the home page')
    expect(errors.messages.get().map((message) => message.context)).toEqual(['screen /reglages'])
  })

  it('renders a screen that works as it is and reports nothing', () => {
    const { errors } = channel()
    const html = renderToString(
      <ScreenErrorBoundary path="/" report={errors.report}>
        <p>Accueil</p>
      </ScreenErrorBoundary>,
    )
    expect(html).toBe('<p>Accueil</p>')
    expect(errors.messages.get()).toEqual([])
  })

  it('names the screen without its ids', () => {
    expect(screenOf(`/c/${ROOM}/familles/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b`)).toBe('/c/:id/familles/:id')
    expect(screenOf('/demo/semaine')).toBe('/demo/semaine')
  })
})

describe('the planning screens report what their rules throw', () => {
  // A view whose lines the rules cannot read (what a bug or an unexpected record would do); the screens still render.
  // The one cast: no valid view has lines null, and that is the point.
  const broken = makeView({ ...fairnessModel(), lines: null as unknown as CollectiveView['lines'] })
  const session = makeSession<SessionIdentity & PlanningCommands>({ view: broken, me: { actorId: actorId(1) } })
  it('Équité: the ledger is said unavailable, the rest of the screen stays, and the failure is reported', () => {
    const contextsSeen: string[] = []
    const html = renderToString(
      <ReportErrorContext.Provider value={(context) => contextsSeen.push(context)}>
        <Fairness session={session} view={broken} />
      </ReportErrorContext.Provider>,
    )
    expect(text(html)).toContain('Réglages')
    expect(html).not.toContain('data-testid="ledger-row"')
    expect(contextsSeen).toEqual(['planning.ledger'])
  })

  it('Planifier: no default period, the form stays, and the failure is reported', () => {
    const contextsSeen: string[] = []
    const html = renderToString(
      <ReportErrorContext.Provider value={(context) => contextsSeen.push(context)}>
        <Planner session={session} view={broken} />
      </ReportErrorContext.Provider>,
    )
    expect(html).toMatch(/<input[^>]*id="plan-from"[^>]*>/)
    expect(html.match(/<input[^>]*id="plan-from"[^>]*>/)?.[0]).not.toMatch(/value="\d/)
    expect(contextsSeen).toEqual(['planning.period'])
  })
})
