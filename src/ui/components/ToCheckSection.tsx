// "À vérifier": records of the shared document that failed validation, shown as plain text with a delete action.
import type { CollectiveCommands, RecordToCheck, SessionIdentity } from '../../app/api.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useI18n } from '../i18n/context.tsx'
import { fieldErrorKey } from '../i18n/translate.ts'
import { ConfirmAction } from './ConfirmAction.tsx'
import { isRepairable, repairPath, toCheckKindKey } from './manage/repair.ts'

const PREVIEW_MAX = 120

interface ToCheckSectionProps {
  readonly session: SessionIdentity & CollectiveCommands
  readonly records: readonly RecordToCheck[]
}

export function ToCheckSection({ session, records }: ToCheckSectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  if (records.length === 0) return null
  // Known validation keys are translated; anything else is shown as it came, always as text (JSX escapes it).
  const problemText = (problem: string): string => {
    const key = fieldErrorKey(problem)
    return key === 'form.unknownError' ? problem : t(key)
  }
  return (
    <section class="card card--warning" aria-labelledby="to-check-title">
      <h2 id="to-check-title">{t('toCheck.title')}</h2>
      <p>{t('toCheck.intro')}</p>
      <ul class="list" data-testid="to-check">
        {records.map((record) => (
          <li key={`${record.kind}:${record.key}`} class="list__item list__item--stacked">
            <p class="list__name">{t(toCheckKindKey(record.kind))}</p>
            <p class="preview">{record.preview.length > PREVIEW_MAX ? `${record.preview.slice(0, PREVIEW_MAX)}…` : record.preview}</p>
            {record.problems.length > 0 && (
              <ul class="problems">
                {record.problems.slice(0, 5).map((problem, index) => <li key={index}>{problemText(problem)}</li>)}
              </ul>
            )}
            {record.problems.includes('notAMap') ? (
              // A top-level map of another type cannot be deleted or rewritten: no button that would do nothing.
              <p>{t('toCheck.damagedPart')}</p>
            ) : (
              <>
                {/* A person whose family was removed cannot be repaired by rewriting its fields: delete only. */}
                {isRepairable(record.kind) && !record.problems.includes('familyRemoved') && <a class="button" href={repairPath(session.id, record)}>{t('manage.repair.action')}</a>}
                <ConfirmAction
                  label={t('toCheck.delete')}
                  accessibleLabel={`${t('toCheck.delete')} : ${t(toCheckKindKey(record.kind))} ${record.preview.slice(0, 40)}`.trim()}
                  question={t('toCheck.deleteConfirm')}
                  confirmLabel={t('toCheck.deleteYes')}
                  onConfirm={() => {
                    const result = session.deleteRecordToCheck(record)
                    announce(result.ok ? t('toCheck.deleted') : t('removal.notFound'))
                  }}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
