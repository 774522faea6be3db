// Repairing one record "to check" (/c/:id/verifier/:kind/:key): its readable preview, its problems, the edit form, or delete it.
import { useLocation } from 'preact-iso'
import { ConfirmAction } from '../../components/ConfirmAction.tsx'
import { RepairForm } from '../../components/manage/RepairForm.tsx'
import { isRepairable, toCheckKindKey } from '../../components/manage/repair.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { fieldErrorKey } from '../../i18n/translate.ts'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

export function RepairPage() {
  return <SessionGate screen={Repair} />
}

function Repair({ session, view, params }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const { route } = useLocation()
  const home = `/c/${session.id}/plus`
  const key = decodeURIComponent(params.key ?? '')
  const record = view.toCheck.find((r) => r.kind === params.kind && r.key === key)
  if (!record) {
    return (
      <>
        <PageTitle name="manage.repair.nothing" />
        <BackLink href={home} label={t('invite.done')} />
      </>
    )
  }
  const done = () => {
    announce(t('manage.repair.done'))
    route(home)
  }
  return (
    <>
      <PageTitle name="manage.repair.window">{t('manage.repair.title', { kind: t(toCheckKindKey(record.kind)) })}</PageTitle>
      <p>{t('manage.repair.intro')}</p>
      <p class="preview">{record.preview}</p>
      {record.problems.length > 0 && (
        <ul class="problems">
          {record.problems.slice(0, 5).map((problem, i) => {
            const k = fieldErrorKey(problem)
            return <li key={i}>{k === 'form.unknownError' ? problem : t(k)}</li>
          })}
        </ul>
      )}
      {isRepairable(record.kind) && (
        <section class="card" aria-label={t('manage.repair.formTitle')}>
          <RepairForm session={session} view={view} record={record} onRepaired={done} />
        </section>
      )}
      <section class="card" aria-labelledby="repair-delete-title">
        <h2 id="repair-delete-title">{t('manage.repair.deleteTitle')}</h2>
        <ConfirmAction
          label={t('toCheck.delete')}
          question={t('toCheck.deleteConfirm')}
          confirmLabel={t('toCheck.deleteYes')}
          onConfirm={() => {
            const result = session.deleteRecordToCheck(record)
            announce(result.ok ? t('toCheck.deleted') : t('removal.notFound'))
            route(home)
          }}
        />
      </section>
      <BackLink href={home} label={t('invite.done')} />
    </>
  )
}
