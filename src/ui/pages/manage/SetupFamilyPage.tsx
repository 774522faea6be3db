// Guided set-up, step 3 (/c/:id/demarrage/famille): the first family, "C'est ma famille" by default, its adults and children; skippable.
import { useState } from 'preact/hooks'
import { lineSetupOf } from '../../../app/queries/collective.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { errorTextOf } from '../../components/manage/errors.ts'
import { FamilyEditor } from '../../components/manage/FamilyEditor.tsx'
import { CheckboxField } from '../../components/manage/fields.tsx'
import { SetupProgress, type SetupStep } from '../../components/manage/SetupProgress.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { TextField } from '../../components/TextField.tsx'
import { focusFirstError } from '../../components/focus.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from './SessionGate.tsx'

export function SetupFamilyPage() {
  return <SessionGate screen={SetupFamily} />
}

function SetupFamily({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  const [createdId, setCreatedId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [mine, setMine] = useState(true)
  const [errors, setErrors] = useState<FieldErrors>({})
  const family = view.families.find((f) => f.id === createdId) ?? view.families.find((f) => f.id === me.familyId)
  const done = new Set<SetupStep>(['school'])
  if (lineSetupOf(view).done) done.add('line')
  if (family) done.add('family')
  const next = `/c/${session.id}/demarrage/inviter`

  const create = (event: Event) => {
    event.preventDefault()
    const result = session.addFamily({ displayName: name })
    if (!result.ok) {
      setErrors(result.error)
      focusFirstError(['displayName'], result.error, () => 'setup-family-name')
      return
    }
    setErrors({})
    setCreatedId(result.value)
    announce(t('families.added', { name: name.trim() }))
    if (mine) void session.setMe(result.value, null)
  }

  return (
    <>
      <PageTitle name="manage.setup.familyTitle" />
      <SetupProgress collectiveId={session.id} current="family" done={done} />
      <p>{t('manage.setup.familyIntro')}</p>
      {family ? (
        <>
          <h2 data-testid="family-title">{family.displayName}</h2>
          <FamilyEditor session={session} view={view} family={family} />
        </>
      ) : (
        <section class="card" aria-labelledby="setup-family-title">
          <h2 id="setup-family-title">{t('manage.families.addTitle')}</h2>
          <form class="form" onSubmit={create} noValidate>
            <TextField
              id="setup-family-name"
              label={t('families.addLabel')}
              hint={t('families.addHint')}
              value={name}
              onInput={setName}
              error={errorTextOf(t, errors, 'displayName', TEXT_LIMITS.familyName)}
              maxLength={TEXT_LIMITS.familyName}
            />
            <CheckboxField id="setup-family-mine" label={t('manage.family.setMine')} hint={t('manage.family.mineHint')} checked={mine} onChange={setMine} />
            <div class="actions">
              <button type="submit" class="button button--primary">{t('manage.family.create')}</button>
            </div>
          </form>
        </section>
      )}
      <div class="actions">
        {family ? (
          <a class="button button--primary" href={next}>{t('manage.setup.next')}</a>
        ) : (
          <a class="button" href={next}>{t('manage.setup.skip')}</a>
        )}
        <a class="button button--quiet" href={`/c/${session.id}`}>{t('manage.setup.later')}</a>
      </div>
    </>
  )
}
