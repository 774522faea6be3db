// Removing a stop: a confirmation that, when children use the stop, asks per child which stop they go to instead (or none: flagged).
import { useEffect, useRef, useState } from 'preact/hooks'
import type { LineCommands } from '../../../app/api.ts'
import { childLabel, defaultReassignment } from '../../../app/queries/collective.ts'
import type { ChildId, StopId } from '../../../domain/ids.ts'
import type { Stop } from '../../../domain/line.ts'
import type { Child } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { FieldError, SelectField } from './fields.tsx'

const NONE = 'none'

interface StopRemovalProps {
  readonly session: LineCommands
  readonly stop: Stop
  readonly lineStops: readonly Stop[]
  readonly users: readonly Child[]
  readonly onDone: () => void
}

export function StopRemoval({ session, stop, lineStops, users, onDone }: StopRemovalProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [choices, setChoices] = useState(() => defaultReassignment(lineStops, stop.id, users))
  const [failed, setFailed] = useState(false)
  const first = useRef<HTMLDivElement>(null)
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('select, button')?.focus()
  }, [])
  const others = lineStops.filter((s) => s.id !== stop.id)

  const confirm = () => {
    const reassign = new Map<ChildId, StopId | null>(users.map((child) => [child.id, choices.get(child.id) ?? null]))
    const result = session.removeStop(stop.id, reassign)
    if (result.ok || result.error === 'notFound') {
      announce(result.ok ? t('manage.stop.removed', { name: stop.name }) : t('removal.notFound'))
      onDone()
    } else setFailed(true)
  }

  return (
    <div class="confirm" role="group" aria-label={t('manage.stop.removeConfirm', { name: stop.name })} ref={first}>
      <p class="confirm__question">{t('manage.stop.removeConfirm', { name: stop.name })}</p>
      {users.length > 0 && (
        <>
          <p>{t('manage.stop.reassignIntro')}</p>
          {users.map((child) => (
            <SelectField
              key={child.id}
              id={`reassign-${child.id}`}
              label={t('manage.stop.reassignLabel', { child: childLabel(child) })}
              value={choices.get(child.id) ?? NONE}
              onChange={(value) => setChoices((current) => new Map(current).set(child.id, value === NONE ? null : (value as StopId)))}
              options={[...others.map((s) => ({ value: s.id, label: s.name })), { value: NONE, label: t('manage.stop.reassignNone') }]}
            />
          ))}
        </>
      )}
      {failed && <FieldError id={`remove-${stop.id}-error`} text={t('manage.stop.removeFailed')} />}
      <div class="actions">
        <button type="button" class="button button--danger" onClick={confirm}>{t('manage.stop.removeYes')}</button>
        <button type="button" class="button" onClick={onDone}>{t('form.cancel')}</button>
      </div>
    </div>
  )
}
