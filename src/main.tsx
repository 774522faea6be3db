// Browser start: create the app services, register the service worker, render the app.
import { render } from 'preact'
import { createAppServices, loadSessionRuntime } from './app/index.ts'
import { parseRoomId } from './lib/credentials.ts'
import { startInstallPrompt } from './pwa/install-prompt.ts'
import { registerServiceWorker } from './pwa/register.ts'
import { App } from './ui/App.tsx'
import { preloadRotaScreens } from './ui/routes-rota.tsx'
import './ui/styles.css'

const root = document.getElementById('app')

const start = async (container: HTMLElement): Promise<void> => {
  // Before anything is awaited: Chrome may fire beforeinstallprompt early, and only once per page.
  const installPrompt = startInstallPrompt()
  // A collective's address needs its screens and the document code: fetched while the device list is read, not after.
  if (/^\/(c|demo)(\/|$)/.test(location.pathname)) {
    preloadRotaScreens()
    void loadSessionRuntime().catch(() => undefined) // the session that needs it reports a failure
  }
  const services = await createAppServices()
  // Wait for the device-local list of collectives: otherwise a returning parent sees the first-run screen flash.
  await services.ready
  if (services.collectives.get().length > 0) preloadRotaScreens()
  // The collective of the address opens now, while its screens load: its stored copy is read meanwhile.
  const addressed = parseRoomId(/^\/c\/([^/]+)/.exec(location.pathname)?.[1] ?? null)
  if (addressed) void services.openCollective(addressed)
  const updater = registerServiceWorker(services.hasPendingWrites)
  // index.html's static shell goes: Preact renders into an empty container (it does not adopt foreign nodes).
  container.replaceChildren()
  render(<App services={services} updatePrompt={updater ?? undefined} />, container)
  // A page being discarded (tab closed, app swiped away) releases sockets and timers cleanly.
  window.addEventListener('pagehide', (event) => {
    if (event.persisted) return // kept in the back/forward cache: it may come back as is
    updater?.destroy()
    installPrompt.destroy()
    services.destroy()
  })
}

if (root) {
  start(root).catch((error: unknown) => {
    console.error('start failed', error instanceof Error ? error.name : 'unknown')
    // Plain text, both languages: the app (and its translations) could not start.
    root.textContent = 'Pédibus Coop n’a pas pu démarrer sur ce téléphone (stockage indisponible ?). Rechargez la page. / Pédibus Coop could not start on this phone (storage unavailable?). Reload the page.'
    root.setAttribute('role', 'alert')
  })
}
