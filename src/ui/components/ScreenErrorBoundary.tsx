// Around the routed screens: a screen that throws while rendering is replaced by a calm message with a way back, and reported.
import { Component, type ComponentChildren } from 'preact'
import { useI18n } from '../i18n/context.tsx'
import type { ReportError } from '../hooks/report-error.ts'

interface ScreenErrorBoundaryProps {
  /** The current address: moving to another screen clears the message. */
  readonly path: string
  readonly report: ReportError
  readonly children: ComponentChildren
}

interface ScreenErrorBoundaryState {
  readonly failed: boolean
}

/** The address without its ids (room ids, record ids): enough to tell which screen failed, nothing to identify anyone. */
export const screenOf = (path: string): string => path.replace(/\/[A-Za-z0-9_-]{16,}/g, '/:id')

/** The collective's home for a screen inside one (`/c/<id>/…`), else the app's home. */
const wayBack = (path: string): string => /^\/c\/[^/]+/.exec(path)?.[0] ?? '/'

export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, ScreenErrorBoundaryState> {
  override state: ScreenErrorBoundaryState = { failed: false }

  static override getDerivedStateFromError(): ScreenErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    this.props.report(`screen ${screenOf(this.props.path)}`, error)
  }

  override componentDidUpdate(previous: ScreenErrorBoundaryProps): void {
    if (this.state.failed && previous.path !== this.props.path) this.setState({ failed: false })
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return <ScreenFailed back={wayBack(this.props.path)} onRetry={() => this.setState({ failed: false })} />
  }
}

function ScreenFailed({ back, onRetry }: { readonly back: string; readonly onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <section class="card" role="alert" aria-labelledby="screen-failed-title" data-testid="screen-failed">
      <h1 id="screen-failed-title">{t('error.screen.title')}</h1>
      <p>{t('error.screen.body')}</p>
      <div class="actions">
        <a class="button button--primary" href={back}>{t(back === '/' ? 'error.screen.home' : 'error.screen.collective')}</a>
        <button type="button" class="button" onClick={onRetry}>{t('error.screen.retry')}</button>
      </div>
    </section>
  )
}
