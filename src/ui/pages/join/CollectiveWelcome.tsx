// The welcome card of a joining phone: the collective's name, school, town and lines, or "Chargement…" until the
// relay has sent them (and why it waits when the phone is offline).
import type { SessionState } from '../../../app/api.ts'
import { stopsOfLine } from '../../../app/queries/collective.ts'
import { useStore } from '../../hooks/useStore.ts'
import { commaList } from '../../i18n/formats.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'

export function CollectiveWelcome({ session }: { session: SessionState }) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const status = useStore(session.status)
  const profile = view.profile
  if (!profile) {
    return (
      <section class="card" aria-labelledby="welcome-about">
        <h2 id="welcome-about">{t('welcome.about')}</h2>
        <p role="status">{t('welcome.waiting')}</p>
        {status.connection === 'offline' && <p class="notice">{t('welcome.offline')}</p>}
      </section>
    )
  }
  const lines = [...view.lines].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  return (
    <section class="card" aria-labelledby="welcome-about" data-testid="welcome-collective">
      <h2 id="welcome-about">{profile.name}</h2>
      <p>{commaList(language, [profile.school, profile.town].filter((part) => part !== ''))}</p>
      <h3>{t('welcome.linesTitle')}</h3>
      {lines.length === 0 ? <p>{t('welcome.noLines')}</p> : (
        <ul class="list">
          {lines.map((line) => {
            const n = stopsOfLine(view.stops, line.id).length
            const key = pluralKey(language, n, 'welcome.lineStops.one', 'welcome.lineStops.other')
            return <li key={line.id} class="list__item" data-testid="welcome-line">{t(key, { name: line.name, n })}</li>
          })}
        </ul>
      )}
    </section>
  )
}
