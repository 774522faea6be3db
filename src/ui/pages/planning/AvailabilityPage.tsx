// /c/:id/disponibilites "Mes disponibilités": for an adult of my family (me by default), when they can walk; saved whole for that adult.
import { useState } from 'preact/hooks'
import type { PlanningCommands, SessionIdentity, SessionState } from '../../../app/api.ts'
import { AvailabilityForm } from '../../components/planning/AvailabilityForm.tsx'
import { SelectField } from '../../components/manage/fields.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame } from '../rota/RotaFrame.tsx'
import { recordOnBehalfText } from '../../components/record-on-behalf.ts'

export function AvailabilityPage() {
  return <RotaFrame render={(props) => <Availability {...props} />} />
}

/** `embedded`: inside another screen (the guided join), which gives the title and has already said who I am. */
export function Availability({ session, embedded = false }: {
  session: SessionState & SessionIdentity & PlanningCommands
  embedded?: boolean
}) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const adults = view.adults.filter((adult) => adult.familyId === me.familyId)
  const [picked, setPicked] = useState<string | null>(null)
  // Me first, then the adult picked; an adult removed by another phone falls back to the first one.
  const adult = adults.find((candidate) => candidate.id === picked) ?? adults.find((candidate) => candidate.id === me.adultId) ?? adults[0]
  const stored = adult ? view.planning.availability.find((record) => record.adultId === adult.id) : undefined
  const onBehalf = stored === undefined
    ? null
    : recordOnBehalfText(t, language, view, stored, 'planning.availability.onBehalf')
  return (
    <>
      {!embedded && <>
        <PageTitle name="planning.availability.title" />
        <p>{t('planning.availability.intro')}</p>
        <WhoAreYou session={session} />
      </>}
      {me.familyId === null && <p class="notice">{t('planning.availability.needMe')}</p>}
      {me.familyId !== null && adult === undefined && <p class="notice">{t('planning.availability.noAdults')}</p>}
      {adult && (
        <section class="card" aria-labelledby="availability-title">
          <h2 id="availability-title">{t('planning.availability.adultFixed', { name: adult.firstName })}</h2>
          {adults.length > 1 && (
            <SelectField
              id="availability-adult"
              label={t('planning.availability.adult')}
              value={adult.id}
              onChange={setPicked}
              options={adults.map((candidate) => ({ value: candidate.id, label: candidate.firstName }))}
            />
          )}
          {/* Keyed by adult: another adult starts from what is stored for them; a sync never wipes what is being typed. */}
          <AvailabilityForm
            key={adult.id}
            session={session}
            adult={adult}
            stored={stored}
            lines={view.lines}
            settings={view.settings}
            onBehalf={onBehalf}
          />
        </section>
      )}
    </>
  )
}
