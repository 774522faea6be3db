// A family's adults: phone (tap to call), charter and insurance shown in words, edit in place, remove after confirmation, add; "C'est moi".
import { useState } from 'preact/hooks'
import type { PeopleCommands, PeopleView, SessionIdentity } from '../../../app/api.ts'
import type { AdultId, FamilyId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { ConfirmAction } from '../ConfirmAction.tsx'
import { telHref } from '../rota/rota-format.ts'
import { AdultForm } from './AdultForm.tsx'
import { adultValuesOf } from './forms.ts'
import { dateText } from './labels.ts'
import { useReturnFocus } from './useReturnFocus.ts'

interface AdultsSectionProps {
  readonly session: SessionIdentity & PeopleCommands
  readonly view: PeopleView
  readonly familyId: FamilyId
  /** Another family's adults: shown (with tap-to-call), not edited. */
  readonly readOnly?: boolean
}

export function AdultsSection({ session, view, familyId, readOnly = false }: AdultsSectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  const [editing, setEditing] = useState<AdultId | null>(null)
  const adults = view.adults.filter((a) => a.familyId === familyId).sort((a, b) => a.firstName.localeCompare(b.firstName, 'fr') || a.id.localeCompare(b.id))
  const mine = me.familyId === familyId
  useReturnFocus(editing, (id) => `adult-${id}-edit`)
  const idPrefix = `adult-add-${familyId}`

  return (
    <section class="card" aria-labelledby={`adults-${familyId}-title`}>
      <h2 id={`adults-${familyId}-title`}>{t('manage.adults.title')} <span class="count">({adults.length})</span></h2>
      {adults.length === 0 ? <p>{t('manage.adults.empty')}</p> : (
        <ul class="list" data-testid="adults">
          {adults.map((adult) => (
            <li key={adult.id} class="list__item list__item--stacked">
              {editing === adult.id ? (
                <AdultForm
                  idPrefix={`adult-edit-${adult.id}`}
                  initial={adultValuesOf(adult)}
                  submitLabel={t('form.save')}
                  autoFocus
                  onCancel={() => setEditing(null)}
                  onSubmit={(input) => {
                    const result = session.updateAdult(adult.id, input)
                    if (result.ok) {
                      setEditing(null)
                      announce(t('manage.saved'))
                    }
                    return result
                  }}
                />
              ) : (
                <>
                  <AdultSummary adult={adult} isMe={me.adultId === adult.id} />
                  {!readOnly && <div class="actions actions--compact">
                    <button type="button" id={`adult-${adult.id}-edit`} class="button button--quiet" aria-label={`${t('manage.edit')} : ${adult.firstName}`} onClick={() => setEditing(adult.id)}>{t('manage.edit')}</button>
                    {mine && me.adultId !== adult.id && (
                      <button type="button" class="button button--quiet" aria-label={`${t('manage.adult.setMe')} : ${adult.firstName}`} onClick={() => void session.setMe(familyId, adult.id).then(() => announce(t('manage.adult.meSet', { name: adult.firstName })))}>
                        {t('manage.adult.setMe')}
                      </button>
                    )}
                    <ConfirmAction
                      label={t('manage.remove')}
                      accessibleLabel={`${t('manage.remove')} : ${adult.firstName}`}
                      question={t('manage.adult.removeConfirm', { name: adult.firstName })}
                      confirmLabel={t('manage.removeYes')}
                      onConfirm={() => {
                        const result = session.removeAdult(adult.id)
                        if (me.adultId === adult.id) void session.setMe(familyId, null)
                        announce(result.ok ? t('manage.removed', { name: adult.firstName }) : t('removal.notFound'))
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
      <h3>{t('manage.adults.addTitle')}</h3>
      <AdultForm
        key={`${idPrefix}-${mine && me.adultId === null ? 'me' : 'other'}`}
        idPrefix={idPrefix}
        submitLabel={t('manage.adult.add')}
        offerMe={mine && me.adultId === null}
        clearOnSuccess
        onSubmit={(input, isMe) => {
          const result = session.addAdult(familyId, input)
          if (result.ok) {
            announce(t('manage.adult.added', { name: input.firstName.trim() }))
            if (isMe) void session.setMe(familyId, result.value)
          }
          return result
        }}
      />
      </>}
    </section>
  )
}

function AdultSummary({ adult, isMe }: { adult: Adult; isMe: boolean }) {
  const { t } = useI18n()
  const href = telHref(adult.phone)
  return (
    <div>
      <p class="list__name">
        <span data-testid="adult-name">{adult.firstName}</span>
        {isMe && <span class="muted"> {t('manage.adult.meMark')}</span>}
      </p>
      <p>
        {href === null
          ? <span class="muted">{t('form.noPhone')}</span>
          : (
            <a
              class="list__link"
              href={href}
              aria-label={t('manage.adult.call', { name: adult.firstName, phone: adult.phone })}
            >
              <span dir="ltr">{adult.phone}</span>
            </a>
          )}
      </p>
      <ul class="tags">
        <li class="tag">{adult.charterAcceptedOn ? t('manage.adult.charterOn', { date: dateText(adult.charterAcceptedOn) }) : t('manage.adult.charterNo')}</li>
        <li class="tag">{adult.insured ? t('manage.adult.insuredYes') : t('manage.adult.insuredNo')}</li>
      </ul>
    </div>
  )
}
