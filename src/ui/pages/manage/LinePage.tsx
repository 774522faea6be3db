// One line's page (/c/:id/lignes/:lineId): its details and stops, and removing the line.
import { useLocation } from 'preact-iso'
import { ConfirmAction } from '../../components/ConfirmAction.tsx'
import { LineEditor } from '../../components/manage/LineEditor.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

export function LinePage() {
  return <SessionGate screen={LineScreen} />
}

function LineScreen({ session, view, params }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const { route } = useLocation()
  const line = view.lines.find((l) => l.id === params.lineId)
  const back = `/c/${session.id}/lignes`
  if (!line) {
    return (
      <>
        <PageTitle name="manage.line.missing" />
        <BackLink href={back} label={t('manage.lines.back')} />
      </>
    )
  }
  const routed = view.children.filter((c) => c.routes.aller?.lineId === line.id || c.routes.retour?.lineId === line.id).length
  return (
    <>
      <PageTitle name="manage.lines.title">{t('manage.line.title', { name: line.name })}</PageTitle>
      <LineEditor session={session} view={view} line={line} />
      <p><a class="button" href={`/c/${session.id}/imprimer/affiche/${line.id}`}>{t('print.link.poster')}</a></p>
      <section class="card" aria-labelledby="line-remove-title">
        <h2 id="line-remove-title">{t('manage.line.removeTitle')}</h2>
        {routed > 0 && <p>{t('manage.line.removeChildren', { n: routed })}</p>}
        <ConfirmAction
          label={t('manage.line.remove')}
          question={t('manage.line.removeConfirm', { name: line.name })}
          confirmLabel={t('manage.line.removeYes')}
          onConfirm={() => {
            const result = session.removeLine(line.id)
            announce(result.ok ? t('manage.line.removed', { name: line.name }) : t('removal.notFound'))
            route(back)
          }}
        />
      </section>
      <BackLink href={back} label={t('manage.lines.back')} />
    </>
  )
}
