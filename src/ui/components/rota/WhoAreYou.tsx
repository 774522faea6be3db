// "Qui êtes-vous ?": this phone's family and adult (session.setMe), as a summary with "Changer" or as a two-step form.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import type { AdultId, FamilyId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import './rota.css'

interface IdentityFormProps {
  readonly session: SessionState & SessionIdentity
  /** Called with the chosen adult once setMe has been saved. */
  readonly onDone: (adultId: AdultId) => void
  readonly onCancel?: (() => void) | undefined
  readonly idPrefix: string
}

/** Family, then first name: a form small enough to sit inline under a tapped slot. */
export function IdentityForm({ session, onDone, onCancel, idPrefix }: IdentityFormProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const withAdults = view.families
    .filter((family) => view.adults.some((adult) => adult.familyId === family.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
  const [picked, setFamilyId] = useState<FamilyId | null>(null)
  // Families may arrive with a sync after the form opened: the shown default follows them.
  const familyId = [picked, me.familyId].find((id) => withAdults.some((f) => f.id === id)) ?? withAdults[0]?.id ?? null
  const adults: Adult[] = view.adults.filter((adult) => adult.familyId === familyId)
  const [adultId, setAdultId] = useState<AdultId | ''>(me.adultId ?? '')
  const chosenAdult = adults.find((adult) => adult.id === adultId) ?? adults[0]
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => first.current?.focus(), [])

  if (withAdults.length === 0) return <p class="notice">{t('rota.me.noAdults')}</p>

  const submit = async (event: Event) => {
    event.preventDefault()
    if (!familyId || !chosenAdult) return
    await session.setMe(familyId, chosenAdult.id)
    announce(t('rota.me.saved', { name: chosenAdult.firstName }))
    onDone(chosenAdult.id)
  }

  return (
    <form class="chooser" onSubmit={submit} data-testid="identity-form">
      <h4>{t('rota.me.title')}</h4>
      <p class="field__hint">{t('rota.me.intro')}</p>
      <div class="field">
        <label for={`${idPrefix}-family`}>{t('rota.me.family')}</label>
        <select
          id={`${idPrefix}-family`}
          ref={first}
          value={familyId ?? ''}
          onChange={(event) => {
            setFamilyId(event.currentTarget.value as FamilyId)
            setAdultId('')
          }}
        >
          {withAdults.map((family) => <option key={family.id} value={family.id}>{family.displayName}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-adult`}>{t('rota.me.adult')}</label>
        <select id={`${idPrefix}-adult`} value={chosenAdult?.id ?? ''} onChange={(event) => setAdultId(event.currentTarget.value as AdultId)}>
          {adults.map((adult) => <option key={adult.id} value={adult.id}>{adult.firstName}</option>)}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary">{t('rota.me.save')}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

/**
 * Who I am on this phone, with a way to change it; the form when nobody is chosen yet. `compact` (the week): shown
 * only to a phone that had no family when the screen opened, so a member's week starts with the walks.
 */
export function WhoAreYou({ session, compact = false }: { session: SessionState & SessionIdentity; compact?: boolean }) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const [editing, setEditing] = useState(false)
  const [unknownAtFirst] = useState(me.familyId === null)
  const family = view.families.find((f) => f.id === me.familyId)
  const adult = view.adults.find((a) => a.id === me.adultId)
  if (editing) return <IdentityForm session={session} idPrefix="me" onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
  if (compact && !unknownAtFirst && family) return null
  return (
    <div class={`me card${compact ? ' me--compact' : ''}`} data-testid="me">
      {family ? (
        <p>{t('rota.me.current', { name: adult?.firstName ?? '?', family: family.displayName })}</p>
      ) : (
        <p>{t('rota.me.unknown')}</p>
      )}
      <button type="button" class="button" onClick={() => setEditing(true)}>
        {family ? t('rota.me.change') : t('rota.me.title')}
      </button>
    </div>
  )
}
