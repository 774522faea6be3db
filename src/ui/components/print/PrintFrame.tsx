// Frame of every print view: opens the collective, the screen-only toolbar (Imprimer, Retour), the sheet, and the French problem page.
import type { ComponentChildren, ComponentType } from 'preact'
import type { CollectiveSession, CollectiveView } from '../../../app/api.ts'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ManageScreen, type ScreenProps } from '../../pages/manage/SessionGate.tsx'
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

/** The print screen as a management screen (SessionGate opens the collective), with its base path and the current time. */
const adapters = new WeakMap<ComponentType<PrintScreenProps>, ManageScreen>()
const asManageScreen = (Screen: ComponentType<PrintScreenProps>): ManageScreen => {
  let adapter = adapters.get(Screen)
  if (adapter === undefined) {
    adapter = function PrintScreen(props: ScreenProps) {
      const now = useNow()
      return <Screen {...props} base={`/c/${props.session.id}`} now={now} />
    }
    adapters.set(Screen, adapter)
  }
  return adapter
}

/** Opens the collective named in the address, then renders the print screen with its live view. */
export function PrintGate({ screen }: { screen: ComponentType<PrintScreenProps> }) {
  return <SessionGate screen={asManageScreen(screen)} />
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
        <a class="button" href={back}><span class="flip-rtl" aria-hidden="true">←</span>&nbsp;{backLabel ?? t('print.toolbar.back')}</a>
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
      <PageTitle name="print.sheet.label">{text}</PageTitle>
      <p>
        <a class="button" href={back} data-testid="print-back"><span class="flip-rtl" aria-hidden="true">←</span>&nbsp;{backLabel ?? t('print.toolbar.back')}</a>
      </p>
    </>
  )
}
