// Step 1 of the guided join: who I am. Pick my family (and myself in it, or add myself), or add my family with myself
// as its adult; either way this phone's identity is set at once, no second "C'est ma famille" tap.
import { useState } from 'preact/hooks'
import type { CollectiveView, FormResult, PeopleCommands, CollectiveCommands } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { AdultId, FamilyId } from '../../../domain/ids.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { focusFirstError } from '../../components/focus.ts'
import { errorTextOf } from '../../components/manage/errors.ts'
import { InputField, SelectField } from '../../components/manage/fields.tsx'
import { EMPTY_ADULT, adultInputOf } from '../../components/manage/forms.ts'
import { TextField } from '../../components/TextField.tsx'
import { useI18n } from '../../i18n/context.tsx'

/** Called once the family and adult exist in the document; the step then sets the identity and moves on. */
type OnChosen = (familyId: FamilyId, adultId: AdultId) => void
type Commands = Pick<CollectiveCommands, 'addFamily'> & Pick<PeopleCommands, 'addAdult'>
const NEW_ADULT = 'new'

/** My first name and phone (optional), as an adult of `familyId`: the adult's id, or its form errors. */
const addMe = (session: Commands, familyId: FamilyId, firstName: string, phone: string): FormResult<AdultId> =>
  session.addAdult(familyId, adultInputOf({ ...EMPTY_ADULT, firstName, phone }))

function MeFields({ prefix, firstName, phone, errors, onFirstName, onPhone }: {
  prefix: string; firstName: string; phone: string; errors: FieldErrors
  onFirstName: (value: string) => void; onPhone: (value: string) => void
}) {
  const { t } = useI18n()
  return (
    <>
      <TextField
        id={`${prefix}-firstName`} label={t('welcome.myFirstName')} value={firstName} onInput={onFirstName}
        error={errorTextOf(t, errors, 'firstName', TEXT_LIMITS.firstName)} maxLength={TEXT_LIMITS.firstName}
        autoComplete="given-name"
      />
      <InputField
        id={`${prefix}-phone`} type="tel" inputMode="tel" label={t('welcome.myPhone')} hint={t('welcome.myPhoneHint')}
        value={phone} onInput={onPhone} error={errorTextOf(t, errors, 'phone')} autoComplete="tel"
      />
    </>
  )
}

/** "Ma famille est déjà inscrite": a family of the list, then one of its adults or a new one (myself). */
export function PickFamilyForm({ session, view, onChosen }: { session: Commands; view: CollectiveView; onChosen: OnChosen }) {
  const { t } = useI18n()
  const families = [...view.families].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
  const [picked, setPicked] = useState<string>('')
  const family = families.find((f) => f.id === picked) ?? families[0]
  const adults = view.adults.filter((adult) => adult.familyId === family?.id)
  const [adultPick, setAdultPick] = useState<string>('')
  const adultId = adults.some((adult) => adult.id === adultPick) || adultPick === NEW_ADULT ? adultPick : adults[0]?.id ?? NEW_ADULT
  const [firstName, setFirstName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  if (!family) return null

  const submit = (event: Event) => {
    event.preventDefault()
    if (adultId !== NEW_ADULT) return onChosen(family.id, adultId as AdultId)
    const added = addMe(session, family.id, firstName, phone)
    if (!added.ok) {
      setErrors(added.error)
      focusFirstError(['firstName', 'phone'], added.error, (field) => `welcome-pick-${field}`)
      return
    }
    onChosen(family.id, added.value)
  }

  return (
    <section class="card" aria-labelledby="welcome-pick-title">
      <h2 id="welcome-pick-title">{t('welcome.pickTitle')}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <SelectField
          id="welcome-pick-family" label={t('welcome.pickFamily')} value={family.id} onChange={setPicked}
          options={families.map((f) => ({ value: f.id, label: f.displayName }))}
        />
        <SelectField
          id="welcome-pick-adult" label={t('welcome.pickAdult')} value={adultId} onChange={setAdultPick}
          options={[...adults.map((a) => ({ value: a.id, label: a.firstName })), { value: NEW_ADULT, label: t('welcome.pickNewAdult') }]}
        />
        {adultId === NEW_ADULT && (
          <MeFields prefix="welcome-pick" firstName={firstName} phone={phone} errors={errors} onFirstName={setFirstName} onPhone={setPhone} />
        )}
        <div class="actions">
          <button type="submit" class="button button--primary">{t('welcome.pickSubmit')}</button>
        </div>
      </form>
    </section>
  )
}

/** "Ajouter ma famille": its name, my first name, my phone (optional). */
export function AddFamilyForm({ session, onChosen }: { session: Commands; onChosen: OnChosen }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [firstName, setFirstName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  // A family added while my own fields were refused: the next try adds me to it, never a second family.
  const [createdId, setCreatedId] = useState<FamilyId | null>(null)

  const submit = (event: Event) => {
    event.preventDefault()
    const familyId = createdId ?? addFamilyNamed(session, name, setErrors)
    if (familyId === null) return
    setCreatedId(familyId)
    const added = addMe(session, familyId, firstName, phone)
    if (!added.ok) {
      setErrors(added.error)
      focusFirstError(['firstName', 'phone'], added.error, (field) => `welcome-add-${field}`)
      return
    }
    onChosen(familyId, added.value)
  }

  return (
    <section class="card" aria-labelledby="welcome-add-title">
      <h2 id="welcome-add-title">{t('welcome.addTitle')}</h2>
      <form class="form" onSubmit={submit} noValidate>
        {createdId === null && (
          <TextField
            id="welcome-add-displayName" label={t('welcome.familyName')} hint={t('welcome.familyNameHint')} value={name}
            onInput={setName} error={errorTextOf(t, errors, 'displayName', TEXT_LIMITS.familyName)}
            maxLength={TEXT_LIMITS.familyName}
          />
        )}
        <MeFields prefix="welcome-add" firstName={firstName} phone={phone} errors={errors} onFirstName={setFirstName} onPhone={setPhone} />
        <div class="actions">
          <button type="submit" class="button button--primary">{t('welcome.addSubmit')}</button>
        </div>
      </form>
    </section>
  )
}

/** Adds the family named `name`: its id, or null after showing the name's error and focusing the field. */
const addFamilyNamed = (session: Commands, name: string, setErrors: (errors: FieldErrors) => void): FamilyId | null => {
  const result = session.addFamily({ displayName: name })
  if (result.ok) return result.value
  setErrors(result.error)
  focusFirstError(['displayName'], result.error, () => 'welcome-add-displayName')
  return null
}
