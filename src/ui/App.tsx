// The app shell: language, services and router providers; skip link, header, per-collective status, update banner, routes.
import { lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso'
import { useEffect, useLayoutEffect, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import type { AppServices, SessionState } from '../app/api.ts'
import { BottomNav } from './components/BottomNav.tsx'
import { ErrorMessages } from './components/ErrorMessages.tsx'
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary.tsx'
import { UpdateBanner, type UpdatePrompt } from './components/UpdateBanner.tsx'
import { AnnouncerProvider } from './hooks/announcer.tsx'
import { ReportErrorContext, useReportError } from './hooks/report-error.ts'
import { ServicesContext, useServices, useSession } from './hooks/services.ts'
import { useStore } from './hooks/useStore.ts'
import { I18nContext, useI18n, type I18n } from './i18n/context.tsx'
import { FRENCH_MESSAGES, loadMessages, whenAllTexts } from './i18n/messages.ts'
import { directionOf, translatorOf, type Language } from './i18n/translate.ts'
import { withAllTexts } from './lazy-screen.ts'
import { CollectivesPage } from './pages/CollectivesPage.tsx'
import { CreatePage } from './pages/CreatePage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { JoinPage } from './pages/JoinPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { SettingsPage } from './pages/SettingsPage.tsx'
import { coordinationRoutes } from './routes-coordination.tsx'
import { manageRoutes } from './routes-manage.tsx'
import { CollectivePage, MorePage, rotaRoutes } from './routes-rota.tsx'
import { walkRoutes } from './routes-walk.tsx'
import { printRoutes } from './routes-print.tsx'
import { absenceRoutes } from './routes-absence.tsx'
import { helpRoutes } from './routes-help.tsx'
import { meetingRoutes } from './routes-meetings.tsx'
import { privacyRoutes } from './routes-privacy.tsx'
import { partnerRoutes } from './routes-partners.tsx'
import { planningRoutes } from './routes-planning.tsx'
import { joinRoutes } from './routes-join.tsx'
import { firstStepsRoutes } from './routes-first-steps.tsx'
import { CurrentActing } from './components/acting/ActingBanner.tsx'
import { SyncStatusBar } from './status/SyncStatusBar.tsx'

// The invite screen brings the QR code library and renewal: loaded on first use, precached like the other screens.
const InvitePage = lazy(() => withAllTexts(() => import('./pages/InvitePage.tsx'))().then((module) => module.InvitePage))

interface AppProps {
  readonly services: AppServices
  readonly updatePrompt?: UpdatePrompt | undefined
}

/**
 * The chosen language's texts: French at once; English from its chunk (precached, so offline too). Until they are
 * there the previous language stays whole (texts and lang attribute together), never a mix of both.
 */
const useLanguage = (language: Language, reportError: (context: string, error: unknown) => void): I18n => {
  const [i18n, setI18n] = useState<I18n>(() => ({ language: 'fr', t: translatorOf(FRENCH_MESSAGES) }))
  useEffect(() => {
    let current = true
    loadMessages(language).then(
      (messages) => current && setI18n((shown) => (shown.language === language ? shown : { language, t: translatorOf(messages, directionOf(language)) })),
      (error: unknown) => reportError('i18n.load', error),
    )
    return () => {
      current = false
    }
  }, [language, reportError])
  return i18n
}

/**
 * The later screens' texts, fetched a few seconds after start when the phone is idle, so those screens open without
 * waiting. Not at the first idle moment: a cold start is idle while it waits for IndexedDB, and parsing the texts
 * then delayed the first walk card (bench:phone profile).
 */
const LATER_TEXTS_DELAY_MS = 3_000
const useLaterTexts = (): void => {
  useEffect(() => {
    const fetchLater = (): void => void whenAllTexts().catch(() => undefined) // a later screen tries again
    let idle: number | null = null
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fetchLater, { timeout: 5_000 })
      else fetchLater()
    }, LATER_TEXTS_DELAY_MS)
    return () => {
      clearTimeout(timer)
      if (idle !== null) cancelIdleCallback(idle)
    }
  }, [])
}

export function App({ services, updatePrompt }: AppProps) {
  const { language: chosen } = useStore(services.preferences)
  const i18n = useLanguage(chosen, services.reportError)
  useLaterTexts()
  const { language } = i18n
  // Layout effect: the lang attribute changes in the same commit as the text, so a screen reader never
  // reads English words with French pronunciation; the direction with them, so Arabic is never laid out left to right.
  useLayoutEffect(() => {
    document.documentElement.lang = language
    document.documentElement.dir = directionOf(language)
  }, [language])
  return (
    <ServicesContext.Provider value={services}>
      <I18nContext.Provider value={i18n}>
        <ReportErrorContext.Provider value={services.reportError}>
          <LocationProvider>
            <AnnouncerProvider>
              <Shell updatePrompt={updatePrompt} />
            </AnnouncerProvider>
          </LocationProvider>
        </ReportErrorContext.Provider>
      </I18nContext.Provider>
    </ServicesContext.Provider>
  )
}

/** The collective shown in the status bar: the one in the address, else the last one shown, else the newest. */
const useCurrentCollectiveId = (): string | null => {
  const services = useServices()
  const { path } = useLocation()
  const collectives = useStore(services.collectives)
  const routeId = /^\/c\/([^/]+)/.exec(path)?.[1] ?? null
  const [lastId, setLastId] = useState<string | null>(routeId)
  useEffect(() => {
    if (routeId) setLastId(routeId)
  }, [routeId])
  if (routeId) return routeId
  if (collectives.some((c) => c.id === lastId)) return lastId
  return [...collectives].sort((a, b) => b.joinedAt - a.joinedAt)[0]?.id ?? null
}

function Shell({ updatePrompt }: { updatePrompt?: UpdatePrompt | undefined }) {
  const { t } = useI18n()
  const currentId = useCurrentCollectiveId()
  const { path } = useLocation()
  const report = useReportError()
  // The demo is not synced: a real collective's status there would mislead.
  const inDemo = path.startsWith('/demo')
  const skipToMain = (event: Event) => {
    event.preventDefault() // keep the address free of '#main' (the join page reads the fragment)
    document.getElementById('main')?.focus()
  }
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>{t('app.skipLink')}</a>
      <header class="topbar">
        <a class="topbar__brand" href={currentId ? `/c/${currentId}` : '/'}>
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        <nav aria-label={t('nav.label')} class="topbar__nav">
          <a href="/collectifs">{t('nav.collectives')}</a>
          <a href="/reglages">{t('nav.settings')}</a>
        </nav>
      </header>
      <BottomNav />
      {currentId && !inDemo && <CurrentStatus id={currentId} />}
      {currentId && !inDemo && <CurrentActing id={currentId} />}
      <ErrorMessages />
      {updatePrompt && <UpdateBanner prompt={updatePrompt} />}
      <main id="main" tabIndex={-1}>
        <ScreenErrorBoundary path={path} report={report}>
          <ReadOnlyIfArchive id={currentId && !inDemo ? currentId : null}>
          <Router>
            <Route path="/" component={HomePage} preferredId={currentId} />
            <Route path="/creer" component={CreatePage} />
            <Route path="/rejoindre" component={JoinPage} />
            <Route path="/collectifs" component={CollectivesPage} currentId={currentId} />
            <Route path="/reglages" component={SettingsPage} />
            <Route path="/c/:id" component={CollectivePage} />
            <Route path="/c/:id/plus" component={MorePage} />
            <Route path="/c/:id/inviter" component={InvitePage} />
            {rotaRoutes}
            {manageRoutes}
            {coordinationRoutes}
            {walkRoutes}
            {printRoutes}
            {absenceRoutes}
            {helpRoutes}
            {meetingRoutes}
            {privacyRoutes}
            {partnerRoutes}
            {planningRoutes}
            {joinRoutes}
            {firstStepsRoutes}
            <Route default component={NotFoundPage} />
          </Router>
          </ReadOnlyIfArchive>
        </ScreenErrorBoundary>
      </main>
    </>
  )
}

/**
 * An archived year's screens, read-only: every button and field of the page is disabled (a disabled fieldset), links
 * still lead around; the archive notice above says why and leads to the current year. Its room keeps nothing more.
 * The fieldset is always there (only `disabled` changes), so opening a session never remounts the page.
 */
function ReadOnlyIfArchive({ id, children }: { id: string | null; children: ComponentChildren }) {
  const state = useSession(id)
  // The session of the address only: for a render the hook still holds the collective shown before.
  const archived = useArchived(id !== null && state.kind === 'open' && state.session.id === id ? state.session : null)
  return <fieldset disabled={archived} class="read-only" data-testid={archived ? 'read-only-archive' : undefined}>{children}</fieldset>
}

/** Read at each render (never a value left from the collective shown before), rendered again when it changes. */
const useArchived = (session: SessionState | null): boolean => {
  const [, rerender] = useState(0)
  useEffect(() => {
    if (session === null) return undefined
    const bump = (): void => rerender((count) => count + 1)
    const unsubscribes = [session.status.subscribe(bump), session.generation.subscribe(bump)]
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
  }, [session])
  return session !== null && (session.status.get().archived || session.generation.get().successorId !== null)
}

function CurrentStatus({ id }: { id: string }) {
  const state = useSession(id)
  return state.kind === 'open' ? <SyncStatusBar session={state.session} /> : null
}
