// "Familles": every family with its adults and children counts, each opening its page, and the form to add a family.
import { useLocation } from 'preact-iso'
import { FamilyNameForm } from '../../components/FamilyNameForm.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import { pluralKey } from '../../i18n/translate.ts'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

export function FamiliesPage() {
  return <SessionGate screen={Families} />
}

function Families({ session, view }: ScreenProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { route } = useLocation()
  const me = useStore(session.me)
  const families = [...view.families].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr') || a.id.localeCompare(b.id))
  return (
    <>
      <PageTitle name="families.title" />
      <p>{t('manage.families.intro')}</p>
      {families.length === 0 ? <p class="notice">{t('families.empty')}</p> : (
        <ul class="list" data-testid="manage-families">
          {families.map((family) => {
            const adults = view.adults.filter((a) => a.familyId === family.id).length
            const children = view.children.filter((c) => c.familyId === family.id).length
            return (
              <li key={family.id} class="list__item">
                <a class="list__link" href={`/c/${session.id}/familles/${family.id}`}>
                  <span>{family.displayName}</span>
                  {me.familyId === family.id && <span class="muted">{t('manage.family.mineMark')}</span>}
                  <span class="muted">
                    {t(pluralKey<MessageKey>(language, adults, 'manage.families.adults.one', 'manage.families.adults.other'), { n: adults })},{' '}
                    {t(pluralKey<MessageKey>(language, children, 'manage.families.children.one', 'manage.families.children.other'), { n: children })}
                  </span>
                </a>
              </li>
            )
          })}
        </ul>
      )}
      <section class="card" aria-labelledby="family-add-title">
        <h2 id="family-add-title">{t('manage.families.addTitle')}</h2>
        <FamilyNameForm
          id="family-add"
          label={t('families.addLabel')}
          hint={t('families.addHint')}
          submitLabel={t('families.add')}
          onSubmit={(input) => {
            const result = session.addFamily(input)
            if (result.ok) {
              announce(t('families.added', { name: input.displayName.trim() }))
              route(`/c/${session.id}/familles/${result.value}`)
            }
            return result
          }}
        />
      </section>
      <BackLink href={`/c/${session.id}/plus`} label={t('invite.done')} />
    </>
  )
}
