// "Passer le témoin" (issue 17): a leaving adult of my family has another adult walk in pair on their coming walks.
import { useState } from 'preact/hooks'
import type { PairCommands, SessionIdentity, SessionState } from '../../../app/api.ts'
import { addDays } from '../../../app/queries/calendar.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { parseDateParam } from './rota-format.ts'

export interface HandOverProps {
  readonly session: SessionState & SessionIdentity & PairCommands
  /** My family's adults holding coming places: who may pass the baton. */
  readonly leaving: readonly Adult[]
  readonly today: LocalDate
}

/** By default, four weeks of walks in pair. */
const DEFAULT_WEEKS = 4

export function HandOver({ session, leaving, today }: HandOverProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const [from, setFrom] = useState<AdultId>(leaving[0]!.id)
  const [to, setTo] = useState<AdultId | ''>('')
  const [until, setUntil] = useState<string>(addDays(today, 7 * DEFAULT_WEEKS))
  const [error, setError] = useState<string | null>(null)
  const others = view.adults.filter((adult) => adult.id !== from)
  const submit = (event: Event) => {
    event.preventDefault()
    const date = parseDateParam(until)
    if (to === '') return setError(t('rota.handover.required'))
    if (date === null) return setError(t('rota.handover.beforeToday'))
    const result = session.handOver(from, to, date)
    if (!result.ok) return setError(handOverError(t, result.error))
    setError(null)
    const name = view.adults.find((adult) => adult.id === to)?.firstName ?? '?'
    const key = pluralKey<MessageKey>(language, result.value, 'rota.handover.done.one', 'rota.handover.done.other')
    announce(t(key, { name, n: result.value }))
  }
  return (
    <section class="card" aria-labelledby="mine-handover" data-testid="handover">
      <h2 id="mine-handover">{t('rota.handover.title')}</h2>
      <p>{t('rota.handover.intro')}</p>
      <form class="form" onSubmit={submit} noValidate>
        {leaving.length > 1 && (
          <div class="field">
            <label for="handover-from">{t('rota.handover.from')}</label>
            <select id="handover-from" value={from} onChange={(e) => setFrom(e.currentTarget.value as AdultId)}>
              {leaving.map((adult) => <option key={adult.id} value={adult.id}>{adult.firstName}</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label for="handover-to">{t('rota.handover.to')}</label>
          <select
            id="handover-to" value={to} aria-invalid={error !== null && to === ''}
            onChange={(e) => setTo(e.currentTarget.value as AdultId)}
          >
            <option value="">{t('rota.handover.chooseAdult')}</option>
            {others.map((adult) => <option key={adult.id} value={adult.id}>{adult.firstName}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="handover-until">{t('rota.handover.until')}</label>
          <input id="handover-until" type="date" min={today} value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </div>
        {error && <p class="field__error" role="alert">{error}</p>}
        <button type="submit" class="button button--primary">{t('rota.handover.submit')}</button>
      </form>
    </section>
  )
}

type Translate = ReturnType<typeof useI18n>['t']

const handOverError = (t: Translate, error: Readonly<Record<string, string>> | 'nothingToHandOver'): string => {
  if (error === 'nothingToHandOver') return t('rota.handover.nothing')
  if (error.to === 'sameAdult') return t('rota.handover.sameAdult')
  if (error.until !== undefined) return t('rota.handover.beforeToday')
  return t('rota.handover.required')
}
