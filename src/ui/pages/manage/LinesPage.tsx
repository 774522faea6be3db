// "Lignes et arrêts": the collective's lines with their stop count, each opening its page, and the form to add a line.
import { useLocation } from 'preact-iso'
import { LineForm } from '../../components/manage/LineForm.tsx'
import { lineValuesOf } from '../../components/manage/forms.ts'
import { directionsText } from '../../components/manage/labels.ts'
import { nextFreeColour } from '../../components/manage/palette.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

export function LinesPage() {
  return <SessionGate screen={Lines} />
}

function Lines({ session, view }: ScreenProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { route } = useLocation()
  const lines = [...view.lines].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))
  const stopCount = (lineId: string) => view.stops.filter((s) => s.lineId === lineId).length
  return (
    <>
      <PageTitle name="manage.lines.title" />
      <p>{t('manage.lines.intro')}</p>
      {lines.length === 0 ? (
        <p class="notice">{t('manage.lines.empty')}</p>
      ) : (
        <ul class="list" data-testid="lines">
          {lines.map((line) => {
            const n = stopCount(line.id)
            return (
              <li key={line.id} class="list__item">
                <a class="list__link" href={`/c/${session.id}/lignes/${line.id}`}>
                  <span class="swatch" aria-hidden="true" style={{ background: line.colour }} />
                  <span data-testid="line-name">{line.name}</span>
                  <span class="muted">
                    {t(pluralKey<MessageKey>(language, n, 'manage.lines.stops.one', 'manage.lines.stops.other'), { n })} · {directionsText(t, line.directions)}
                  </span>
                </a>
              </li>
            )
          })}
        </ul>
      )}
      <section class="card" aria-labelledby="line-add-title">
        <h2 id="line-add-title">{t('manage.lines.addTitle')}</h2>
        <LineForm
          idPrefix="line-add"
          initial={lineValuesOf(undefined, view.settings, nextFreeColour(view.lines.map((l) => l.colour)))}
          submitLabel={t('manage.line.create')}
          onSubmit={(input) => {
            const result = session.addLine(input)
            if (result.ok) {
              announce(t('manage.line.created', { name: input.name.trim() }))
              route(`/c/${session.id}/lignes/${result.value}`)
            }
            return result
          }}
        />
      </section>
      <BackLink href={`/c/${session.id}/plus`} label={t('invite.done')} />
    </>
  )
}
