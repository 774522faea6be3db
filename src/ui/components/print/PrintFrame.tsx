// Frame of every print view: opens the collective, the screen-only toolbar (Imprimer, Retour), the sheet, and the French problem page.
import type { ComponentChildren, ComponentType } from 'preact'
import { useRoute } from 'preact-iso'
import type { CollectiveSession, CollectiveView } from '../../../app/api.ts'
import { useSession } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { MissingCollective } from '../../pages/MissingCollective.tsx'
import { PageTitle } from '../PageTitle.tsx'
import { useNow } from '../rota/useRotaNow.ts'
import './print.css'

export interface PrintScreenProps {
  readonly session: CollectiveSession
  readonly view: CollectiveView
  readonly params: Readonly<Record<string, string | undefined>>
  /** '/c/<id>': where this collective's screens live. */
  readonly base: string
  readonly now: number
}

/** Opens the collective named in the address, then renders the print screen with its live view. */
export function PrintGate({ screen: Screen }: { screen: ComponentType<PrintScreenProps> }) {
  const { params } = useRoute()
  const state = useSession(params.id ?? null)
  const { t } = useI18n()
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>
  if (state.kind === 'missing') return <MissingCollective />
  return <WithView session={state.session} screen={Screen} params={params} />
}

function WithView({ session, screen: Screen, params }: { session: CollectiveSession; screen: ComponentType<PrintScreenProps>; params: Readonly<Record<string, string | undefined>> }) {
  const view = useStore(session.view)
  const now = useNow()
  return <Screen session={session} view={view} params={params} base={`/c/${session.id}`} now={now} />
}

interface BackProps {
  readonly back: string
  readonly backLabel?: string
}

/** The toolbar (screen only) and the printable sheet; `compact` lowers the font for long lists so they keep to one page. */
export function PrintLayout({ back, backLabel, compact = false, children }: BackProps & { compact?: boolean; children: ComponentChildren }) {
  const { t } = useI18n()
  return (
    <>
      <div class="print-toolbar no-print" role="group" aria-label={t('print.toolbar.label')}>
        <button type="button" class="button button--primary" onClick={() => window.print()}>{t('print.toolbar.print')}</button>
        <a class="button" href={back}><span aria-hidden="true">←&nbsp;</span>{backLabel ?? t('print.toolbar.back')}</a>
        <p class="muted print-toolbar__hint">{t('print.toolbar.hint')}</p>
      </div>
      {/* Focusable: on a phone the A4 tables scroll sideways, and a keyboard must reach them too. */}
      <article class={compact ? 'print-sheet print-sheet--compact' : 'print-sheet'} data-testid="print-sheet" tabIndex={0} aria-label={t('print.sheet.label')}>
        {children}
      </article>
    </>
  )
}

/** A wrong address or a walk that does not run: said in French, with a way back; nothing to print. */
export function PrintProblem({ text, back, backLabel }: BackProps & { text: string }) {
  const { t } = useI18n()
  return (
    <>
      <PageTitle>{text}</PageTitle>
      <p>
        <a class="button" href={back} data-testid="print-back"><span aria-hidden="true">←&nbsp;</span>{backLabel ?? t('print.toolbar.back')}</a>
      </p>
    </>
  )
}
