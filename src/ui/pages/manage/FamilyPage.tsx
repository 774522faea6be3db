// One family's page (/c/:id/familles/:familyId): any member may edit it (a trust network); removing the family asks first.
import { useLocation } from 'preact-iso'
import { useState } from 'preact/hooks'
import { ActingSection } from '../../components/acting/ActingSection.tsx'
import { ConfirmAction } from '../../components/ConfirmAction.tsx'
import { LeaveProgress } from '../../components/leave/LeaveProgress.tsx'
import { LeaveSection } from '../../components/leave/LeaveSection.tsx'
import { FamilyEditor } from '../../components/manage/FamilyEditor.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

export function FamilyPage() {
  return <SessionGate screen={FamilyScreen} />
}

function FamilyScreen({ session, view, params }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const { route } = useLocation()
  const me = useStore(session.me)
  const acting = useStore(session.acting) // while acting for a family, its page offers no "Quitter" in its name
  const family = view.families.find((f) => f.id === params.familyId)
  const back = `/c/${session.id}/familles`
  const [leaving, setLeaving] = useState(false) // "Quitter le collectif": the family is gone, the page waits for the relay
  if (leaving) return <LeaveProgress session={session} />
  if (!family) {
    return (
      <>
        <PageTitle name="manage.family.missing" />
        <BackLink href={back} label={t('manage.families.back')} />
      </>
    )
  }
  return (
    <>
      <PageTitle name="families.title"><span data-testid="family-title">{family.displayName}</span></PageTitle>
      <FamilyEditor session={session} view={view} family={family} />
      <ActingSection session={session} family={family} />
      <section class="card" aria-labelledby="family-remove-title">
        <h2 id="family-remove-title">{t('manage.family.removeTitle')}</h2>
        <p>{t('manage.family.removeExplain')}</p>
        <p>{t('leave.removeErasure')}</p>
        <ConfirmAction
          label={t('families.remove')}
          accessibleLabel={`${t('families.remove')} : ${family.displayName}`}
          question={t('families.removeConfirm', { name: family.displayName })}
          confirmLabel={t('families.removeYes')}
          onConfirm={() => {
            for (const child of view.children.filter((c) => c.familyId === family.id)) session.removeChild(child.id)
            for (const adult of view.adults.filter((a) => a.familyId === family.id)) session.removeAdult(adult.id)
            const result = session.removeFamily(family.id)
            if (me.familyId === family.id) void session.setMe(null, null)
            announce(result.ok ? t('families.removed', { name: family.displayName }) : t('removal.notFound'))
            route(back)
          }}
        />
      </section>
      {me.familyId === family.id && acting === null && (
        <LeaveSection session={session} familyId={family.id} familyName={family.displayName} onLeaving={() => setLeaving(true)} />
      )}
      <BackLink href={back} label={t('manage.families.back')} />
    </>
  )
}
