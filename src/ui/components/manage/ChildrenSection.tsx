// A family's children: first name + initial, their stops per direction, days and support shown in words; edit, remove, add.
import { useState } from 'preact/hooks'
import type { LinesView, PeopleCommands, PeopleView } from '../../../app/api.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import type { ChildId, FamilyId } from '../../../domain/ids.ts'
import type { Child } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { ChildForm } from './ChildForm.tsx'
import { childValuesOf, emptyChild } from './forms.ts'
import { daysText } from './labels.ts'
import { useReturnFocus } from './useReturnFocus.ts'

interface ChildrenSectionProps {
  readonly session: PeopleCommands
  readonly view: PeopleView & LinesView
  readonly familyId: FamilyId
  /** Another family's children: shown (stops, support instructions), not edited. */
  readonly readOnly?: boolean
}

export function ChildrenSection({ session, view, familyId, readOnly = false }: ChildrenSectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [editing, setEditing] = useState<ChildId | null>(null)
  useReturnFocus(editing, (id) => `child-${id}-edit`)
  const children = view.children.filter((c) => c.familyId === familyId).sort((a, b) => a.firstName.localeCompare(b.firstName, 'fr') || a.id.localeCompare(b.id))

  return (
    <section class="card" aria-labelledby={`children-${familyId}-title`}>
      <h2 id={`children-${familyId}-title`}>{t('manage.children.title')} <span class="count">({children.length})</span></h2>
      <p class="field__hint">{t('manage.children.privacy')}</p>
      {children.length === 0 ? <p>{t('manage.children.empty')}</p> : (
        <ul class="list" data-testid="children">
          {children.map((child) => (
            <li key={child.id} class="list__item list__item--stacked">
              {editing === child.id ? (
                <ChildForm
                  idPrefix={`child-edit-${child.id}`}
                  initial={childValuesOf(child)}
                  lines={view.lines}
                  stops={view.stops}
                  submitLabel={t('form.save')}
                  autoFocus
                  onCancel={() => setEditing(null)}
                  onSubmit={(input) => {
                    const result = session.updateChild(child.id, input)
                    if (result.ok) {
                      setEditing(null)
                      announce(t('manage.saved'))
                    }
                    return result
                  }}
                />
              ) : (
                <>
                  <ChildSummary child={child} view={view} />
                  {!readOnly && <div class="actions actions--compact">
                    <button type="button" id={`child-${child.id}-edit`} class="button button--quiet" aria-label={`${t('manage.edit')} : ${childLabel(child)}`} onClick={() => setEditing(child.id)}>{t('manage.edit')}</button>
                    <ConfirmAction
                      label={t('manage.remove')}
                      accessibleLabel={`${t('manage.remove')} : ${childLabel(child)}`}
                      question={t('manage.child.removeConfirm', { name: childLabel(child) })}
                      confirmLabel={t('manage.removeYes')}
                      onConfirm={() => {
                        const result = session.removeChild(child.id)
                        announce(result.ok ? t('manage.removed', { name: childLabel(child) }) : t('removal.notFound'))
                      }}
                    />
                  </div>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && <>
      <h3>{t('manage.children.addTitle')}</h3>
      <ChildForm
        idPrefix={`child-add-${familyId}`}
        initial={emptyChild(view.settings)}
        lines={view.lines}
        stops={view.stops}
        submitLabel={t('manage.child.add')}
        clearOnSuccess
        onSubmit={(input) => {
          const result = session.addChild(familyId, input)
          if (result.ok) announce(t('manage.child.added', { name: childLabel(input) }))
          return result
        }}
      />
      </>}
    </section>
  )
}

function ChildSummary({ child, view }: { child: Child; view: PeopleView & LinesView }) {
  const { t } = useI18n()
  const routeText = (direction: 'aller' | 'retour'): string => {
    const route = child.routes[direction]
    if (!route) return t(direction === 'aller' ? 'manage.child.noAller' : 'manage.child.noRetour')
    const stop = view.stops.find((s) => s.id === route.stopId)
    const line = view.lines.find((l) => l.id === route.lineId)
    if (!stop || !line) return t('manage.child.stopMissing')
    return t(direction === 'aller' ? 'manage.child.routeAller' : 'manage.child.routeRetour', { stop: stop.name, line: line.name })
  }
  const missing = (['aller', 'retour'] as const).some((d) => child.routes[d] && !view.stops.some((s) => s.id === child.routes[d]?.stopId))
  return (
    <div>
      <p class="list__name" data-testid="child-name">{childLabel(child)}</p>
      {missing && <p class="field__error"><span aria-hidden="true">⚠ </span>{t('manage.child.flagged')}</p>}
      <p>{routeText('aller')}<br />{routeText('retour')}</p>
      <p class="muted">{child.days.length > 0 ? t('manage.child.daysText', { days: daysText(t, child.days) }) : t('manage.child.noDays')}</p>
      {child.support && <p>{t('manage.child.supportText', { text: child.support })}</p>}
      {child.countsExtra && <ul class="tags"><li class="tag">{t('manage.child.countsExtraTag')}</li></ul>}
    </div>
  )
}
