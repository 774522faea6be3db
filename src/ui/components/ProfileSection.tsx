// The collective's name, school and town, with "Renommer" opening the same form as at creation.
import { useState } from 'preact/hooks'
import type { CollectiveCommands, SessionIdentity } from '../../app/api.ts'
import type { CollectiveProfile, CollectiveProfileInput } from '../../domain/collective.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useI18n } from '../i18n/context.tsx'
import { ProfileForm } from './ProfileForm.tsx'

interface ProfileSectionProps {
  readonly session: SessionIdentity & CollectiveCommands
  readonly profile: CollectiveProfile | null
}

export function ProfileSection({ session, profile }: ProfileSectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [editing, setEditing] = useState(false)

  if (!profile) return <p class="notice" data-testid="waiting-profile">{t('home.waitingProfile')}</p>

  if (editing) {
    const save = (input: CollectiveProfileInput) => {
      const result = session.updateProfile(input)
      if (result.ok) {
        setEditing(false)
        announce(t('home.saved'))
      }
      return result
    }
    return (
      <section class="card" aria-labelledby="rename-title">
        <h2 id="rename-title">{t('home.renameTitle')}</h2>
        <ProfileForm idPrefix="profile" initial={profile} submitLabel={t('form.save')} onSubmit={save} onCancel={() => setEditing(false)} />
      </section>
    )
  }

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title" class="visually-hidden">{t('home.profileTitle')}</h2>
      <dl class="facts">
        <div><dt>{t('home.school')}</dt><dd data-testid="profile-school">{profile.school}</dd></div>
        <div><dt>{t('home.town')}</dt><dd data-testid="profile-town">{profile.town}</dd></div>
      </dl>
      <div class="actions">
        <button type="button" class="button" onClick={() => setEditing(true)}>{t('home.rename')}</button>
        <a class="button" href={`/c/${session.id}/inviter`}>{t('home.invite')}</a>
      </div>
    </section>
  )
}
