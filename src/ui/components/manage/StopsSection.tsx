// A line's stops in order: move up/down with buttons (no drag needed), edit in place, remove (asking where children go), add at the end.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { LineCommands, LinesView, PeopleView } from '../../../app/api.ts'
import { childrenUsingStop, stopsOfLine } from '../../../app/queries/collective.ts'
import type { StopId } from '../../../domain/ids.ts'
import type { Line, Stop } from '../../../domain/line.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { stopValuesOf } from './forms.ts'
import { stopAccessTexts, stopTimesText } from './labels.ts'
import { StopForm } from './StopForm.tsx'
import { StopRemoval } from './StopRemoval.tsx'

type Mode = { readonly kind: 'idle' } | { readonly kind: 'edit' | 'remove'; readonly id: StopId }

export function StopsSection({ session, view, line }: { session: LineCommands; view: PeopleView & LinesView; line: Line }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [mode, setMode] = useState<Mode>({ kind: 'idle' })
  const [focusAfter, setFocusAfter] = useState<string | null>(null)
  const title = useRef<HTMLHeadingElement>(null)
  const stops = stopsOfLine(view.stops, line.id)

  // After a move or an edit, give the focus back to the same control, wherever its stop now is.
  useEffect(() => {
    if (focusAfter === null) return
    const target = focusAfter === 'title' ? title.current : document.getElementById(focusAfter)
    target?.focus()
    setFocusAfter(null)
  }, [focusAfter, view])

  const move = (stop: Stop, index: number, delta: -1 | 1) => {
    const to = index + delta
    if (to < 0 || to >= stops.length) return
    session.moveStop(stop.id, to)
    announce(t('manage.stop.moved', { name: stop.name, position: to + 1, count: stops.length }))
    // At the ends the pressed button disappears from use: keep the focus on the other one.
    const edge = (delta === -1 && to === 0) || (delta === 1 && to === stops.length - 1)
    setFocusAfter(`stop-${stop.id}-${edge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'}`)
  }

  const close = (focus: string) => {
    setMode({ kind: 'idle' })
    setFocusAfter(focus)
  }

  return (
    <section class="card" aria-labelledby={`stops-${line.id}-title`}>
      <h2 id={`stops-${line.id}-title`} tabIndex={-1} ref={title}>
        {t('manage.stops.title')} <span class="count">({stops.length})</span>
      </h2>
      {stops.length === 0 ? (
        <p>{t('manage.stops.empty')}</p>
      ) : (
        <ol class="list stops" data-testid="stops">
          {stops.map((stop, index) => (
            <li key={stop.id} class="list__item list__item--stacked stop" data-testid="stop">
              {mode.kind === 'edit' && mode.id === stop.id ? (
                <StopForm
                  idPrefix={`stop-edit-${stop.id}`}
                  directions={line.directions}
                  initial={stopValuesOf(stop)}
                  submitLabel={t('form.save')}
                  autoFocus
                  onSubmit={(input) => {
                    const result = session.updateStop(stop.id, input)
                    if (result.ok) {
                      announce(t('manage.saved'))
                      close(`stop-${stop.id}-edit`)
                    }
                    return result
                  }}
                  onCancel={() => close(`stop-${stop.id}-edit`)}
                />
              ) : (
                <StopSummary stop={stop} index={index} line={line} />
              )}
              {mode.kind === 'remove' && mode.id === stop.id ? (
                <StopRemoval
                  session={session}
                  stop={stop}
                  lineStops={stops}
                  users={childrenUsingStop(view.children, stop.id)}
                  onDone={() => close('title')}
                />
              ) : mode.kind !== 'edit' || mode.id !== stop.id ? (
                <div class="actions actions--compact">
                  <button type="button" id={`stop-${stop.id}-up`} class="button" disabled={index === 0} aria-label={`${t('manage.stop.up')} : ${stop.name}`} onClick={() => move(stop, index, -1)}>
                    <span aria-hidden="true">↑ </span>{t('manage.stop.up')}
                  </button>
                  <button type="button" id={`stop-${stop.id}-down`} class="button" disabled={index === stops.length - 1} aria-label={`${t('manage.stop.down')} : ${stop.name}`} onClick={() => move(stop, index, 1)}>
                    <span aria-hidden="true">↓ </span>{t('manage.stop.down')}
                  </button>
                  <button type="button" id={`stop-${stop.id}-edit`} class="button button--quiet" aria-label={`${t('manage.stop.edit')} : ${stop.name}`} onClick={() => setMode({ kind: 'edit', id: stop.id })}>
                    {t('manage.stop.edit')}
                  </button>
                  <button type="button" class="button button--danger-quiet" aria-label={`${t('manage.stop.remove')} : ${stop.name}`} onClick={() => setMode({ kind: 'remove', id: stop.id })}>
                    {t('manage.stop.remove')}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {mode.kind !== 'edit' && (
        <>
          <h3>{t('manage.stops.addTitle')}</h3>
          <StopForm
            idPrefix={`stop-add-${line.id}`}
            directions={line.directions}
            submitLabel={t('manage.stop.add')}
            clearOnSuccess
            onSubmit={(input) => {
              const result = session.addStop(line.id, input)
              if (result.ok) announce(t('manage.stop.added', { name: input.name.trim() }))
              return result
            }}
          />
        </>
      )}
    </section>
  )
}

function StopSummary({ stop, index, line }: { stop: Stop; index: number; line: Line }) {
  const { t } = useI18n()
  const times = stopTimesText(t, stop, line.directions)
  const access = stopAccessTexts(t, stop)
  return (
    <div class="stop__summary">
      <p class="list__name">
        <span class="stop__number">{t('manage.stop.number', { n: index + 1 })}</span> <span data-testid="stop-name">{stop.name}</span>
      </p>
      {times && <p class="muted">{times}</p>}
      {access.length > 0 && (
        <ul class="tags">
          {access.map((text, i) => <li key={i} class="tag">{text}</li>)}
        </ul>
      )}
    </div>
  )
}
