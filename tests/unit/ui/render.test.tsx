// Rendered markup of UI pieces: invalid records stay text, fields link their errors, the status is a polite live region.
import { LocationProvider } from 'preact-iso'
import { renderToString } from 'preact-render-to-string'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CollectiveCommands, RecordToCheck, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import { TextField } from '../../../src/ui/components/TextField.tsx'
import { ToCheckSection } from '../../../src/ui/components/ToCheckSection.tsx'
import { SyncStatusBar } from '../../../src/ui/status/SyncStatusBar.tsx'
import { makeSession } from '../../helpers/make-session.ts'


describe('rendered UI pieces', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })
  it('renders a record to check as text, never as markup', () => {
    const record: RecordToCheck = { kind: 'family', key: 'k1', preview: '<img src=x onerror="alert(1)">', problems: ['tooLong', '<b>bad</b>'] }
    const html = renderToString(<ToCheckSection session={makeSession<SessionIdentity & CollectiveCommands>()} records={[record]} />)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;img src=x onerror=')
    expect(html).toContain('Ce texte est trop long.')
    expect(html).toContain('À vérifier')
  })

  it('renders nothing when no record is to check', () => {
    expect(renderToString(<ToCheckSection session={makeSession<SessionIdentity & CollectiveCommands>()} records={[]} />)).toBe('')
  })

  it('links a field to its hint and its error', () => {
    const html = renderToString(<TextField id="create-name" label="Nom du collectif" hint="Par exemple" error="Ce champ est obligatoire." value="" onInput={() => undefined} />)
    expect(html).toContain('aria-describedby="create-name-hint create-name-error"')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain('id="create-name-error"')
    expect(html).toContain('<label for="create-name">')
  })

  it('shows the status in a polite live region and storage errors as an alert', () => {
    const html = renderToString(
      <SyncStatusBar session={makeSession<SessionState & SessionIdentity>({ status: { storageError: 'quotaExceeded', relayConfirmed: false } })} />,
    )
    expect(html).toMatch(/aria-live="polite"[^>]*>.*Tout est sur le relais/)
    expect(html).toMatch(/role="alert"[^>]*>Mémoire du téléphone pleine/)
    expect(html).not.toContain('data-testid="archive-notice"')
  })

  it('says an archive is read-only, with the way to the current year once this phone holds it', () => {
    // The router reads the page's address; there is no page in a render test.
    vi.stubGlobal('location', new URL('http://localhost/c/AAAAAAAAAAAAAAAAAAAAAA/journal'))
    const status = { archived: true }
    const render = (generation: { archiveLabel: string | null; successorId: SessionIdentity['id'] | null }) => renderToString(
      <LocationProvider><SyncStatusBar session={makeSession<SessionState & SessionIdentity>({ status, generation })} /></LocationProvider>,
    )
    const following = render({ archiveLabel: null, successorId: null })
    expect(following).toContain('Archive d’une année passée : en lecture seule.')
    expect(following).toContain('Ce collectif passe à la nouvelle année')
    expect(following).not.toContain('data-testid="go-live"')
    const followed = render({ archiveLabel: '2026-2027', successorId: TEST_SUCCESSOR })
    expect(followed).toContain('Archive de l’année 2026-2027 : en lecture seule.')
    expect(followed).toMatch(new RegExp(`href="/c/${TEST_SUCCESSOR}"[^>]*data-testid="go-live"`))
  })
})

const TEST_SUCCESSOR = 'BBBBBBBBBBBBBBBBBBBBBB' as SessionIdentity['id']
