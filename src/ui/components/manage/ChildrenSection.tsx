// A family's children: first name + initial, their stops per direction, days and support shown in words, with the
// family's agreement to the support instructions (given, to confirm, withdrawn: issue 16); edit, remove, add.
import { useState } from 'preact/hooks'
import type { LinesView, PeopleCommands, PeopleView, SessionIdentity, SupportConsentError } from '../../../app/api.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import { supportConsentOf, type SupportConsentView } from '../../../app/queries/support-consent.ts'
import type { ChildId, FamilyId } from '../../../domain/ids.ts'
import type { Child } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { formatFullDay } from '../print/print-format.ts'
import { ChildForm } from './ChildForm.tsx'
import { childValuesOf, emptyChild } from './forms.ts'
import { daysText } from './labels.ts'
import type { ChildConsentContext } from './SupportConsentFields.tsx'
import { useReturnFocus } from './useReturnFocus.ts'

const WITHDRAW_ERRORS: Readonly<Record<SupportConsentError, MessageKey>> = {
  notFound: 'removal.notFound',
  notYourFamily: 'manage.consent.notYourFamily',
  nothingToWithdraw: 'manage.consent.nothingToWithdraw',
}

/** "Accord de la famille donné par Camille le 2 mars 2027." (and who recorded it at the family's request), or null. */
const givenTextOf = (t: Translate, language: Language, consent: SupportConsentView): string | null => {
  if (consent.state !== 'given') return null
  const params = {
    name: consent.agreedBy ?? t('manage.consent.someone'),
    date: consent.agreedOn === null ? '?' : formatFullDay(consent.agreedOn, language),
  }
  return consent.recordedBy === null
    ? t('manage.consent.given', params)
    : t('manage.consent.givenOnRequest', { ...params, by: consent.recordedBy })
}

interface ChildrenSectionProps {
  readonly session: PeopleCommands & Pick<SessionIdentity, 'me'>
  readonly view: PeopleView & LinesView
  readonly familyId: FamilyId
  /** Another family's children: shown (stops, support instructions), not edited. */
  readonly readOnly?: boolean
}

export function ChildrenSection({ session, view, familyId, readOnly = false }: ChildrenSectionProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  const [editing, setEditing] = useState<ChildId | null>(null)
  const mine = me.familyId === familyId
  const consentOf = (child: Child | null): ChildConsentContext => ({
    mine,
    adults: view.adults.filter((adult) => adult.familyId === familyId),
    me: me.adultId,
    stored: child === null ? null : supportConsentOf(child, view.adults),
  })
  const withdraw = (child: Child): void => {
    // Another family's page is edited only "à sa demande" (FamilyEditor): the withdrawal is recorded as such.
    const result = session.withdrawSupportConsent(child.id, !mine)
    announce(result.ok ? t('manage.consent.withdrawn', { name: childLabel(child) }) : t(WITHDRAW_ERRORS[result.error]))
  }
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
                  consent={consentOf(child)}
                  givenText={givenTextOf(t, language, supportConsentOf(child, view.adults))}
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
                  <ChildSummary child={child} view={view} consent={supportConsentOf(child, view.adults)} />
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
                    {['given', 'toConfirm'].includes(supportConsentOf(child, view.adults).state) && (
                      <ConfirmAction
                        label={t('manage.consent.withdraw')}
                        accessibleLabel={t('manage.consent.withdrawLabel', { name: childLabel(child) })}
                        question={t('manage.consent.withdrawConfirm', { name: childLabel(child) })}
                        confirmLabel={t('manage.consent.withdrawYes')}
                        onConfirm={() => withdraw(child)}
                      />
                    )}
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
        consent={consentOf(null)}
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

function ChildSummary({ child, view, consent }: {
  child: Child
  view: PeopleView & LinesView
  consent: SupportConsentView
}) {
  const { t, language } = useI18n()
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
      <p class="list__name" data-testid="child-name"><bdi>{childLabel(child)}</bdi></p>
      {missing && <p class="field__error"><span aria-hidden="true">⚠ </span>{t('manage.child.flagged')}</p>}
      <p>{routeText('aller')}<br />{routeText('retour')}</p>
      <p class="muted">{child.days.length > 0 ? t('manage.child.daysText', { days: daysText(t, language, child.days) }) : t('manage.child.noDays')}</p>
      {child.support && <p>{t('manage.child.supportText', { text: child.support })}</p>}
      {(child.countsExtra || consent.state === 'toConfirm') && (
        <ul class="tags">
          {child.countsExtra && <li class="tag">{t('manage.child.countsExtraTag')}</li>}
          {consent.state === 'toConfirm' && (
            <li class="tag" data-testid="consent-to-confirm">{t('manage.consent.toConfirm')}</li>
          )}
        </ul>
      )}
      {consent.state === 'toConfirm' && <p class="muted">{t('manage.consent.toConfirmText')}</p>}
      {consent.state === 'given' && <p class="muted" data-testid="consent-given">{givenTextOf(t, language, consent)}</p>}
      {consent.state === 'withdrawn' && consent.withdrawnOn !== null && (
        <p class="muted">{t('manage.consent.withdrawnText', { date: formatFullDay(consent.withdrawnOn, language) })}</p>
      )}
    </div>
  )
}
