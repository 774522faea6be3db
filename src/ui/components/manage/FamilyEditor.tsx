// One family's page body: its name (rename), whether it is mine on this phone, its adults and its children.
//
// A family edits its own details; another family's are shown read-only until a member says they are
// filling them in at that family's request (families without a smartphone rely on it).
import { useState } from 'preact/hooks'
import type { CollectiveCommands, LinesView, PeopleCommands, PeopleView, SessionIdentity } from '../../../app/api.ts'
import type { Family } from '../../../domain/family.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { FamilyNameForm } from '../FamilyNameForm.tsx'
import { AdultsSection } from './AdultsSection.tsx'
import { ChildrenSection } from './ChildrenSection.tsx'

export function FamilyEditor({ session, view, family }: {
  session: SessionIdentity & CollectiveCommands & PeopleCommands
  view: PeopleView & LinesView
  family: Family
}) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  const [renaming, setRenaming] = useState(false)
  // A family with nobody in it yet has nothing to protect: whoever just created it fills it in.
  const [helping, setHelping] = useState(() => !view.adults.some((a) => a.familyId === family.id) && !view.children.some((c) => c.familyId === family.id))
  const mine = me.familyId === family.id
  const editable = mine || helping
  return (
    <>
      <section class="card" aria-labelledby={`family-${family.id}-title`}>
        <h2 id={`family-${family.id}-title`} class="visually-hidden">{t('manage.family.about')}</h2>
        {renaming ? (
          <FamilyNameForm
            id={`family-rename-${family.id}`}
            label={t('families.renameLabel', { name: family.displayName })}
            initial={family.displayName}
            submitLabel={t('form.save')}
            autoFocus
            onCancel={() => setRenaming(false)}
            onSubmit={(input) => {
              const result = session.renameFamily(family.id, input)
              if (result.ok) {
                setRenaming(false)
                announce(t('families.renamed', { name: input.displayName.trim() }))
              }
              return result
            }}
          />
        ) : (
          <>
            <p data-testid="family-mine">{mine ? t('manage.family.isMine') : t('manage.family.notMine')}</p>
            {!editable && <p data-testid="family-read-only">{t('manage.family.readOnly')}</p>}
            <div class="actions">
              {editable && <button type="button" class="button" onClick={() => setRenaming(true)}>{t('families.rename')}</button>}
              {!editable && (
                <button type="button" class="button" onClick={() => {
                  setHelping(true)
                  announce(t('manage.family.helpingOn', { name: family.displayName }))
                }}>
                  {t('manage.family.help')}
                </button>
              )}
              {!mine && (
                <button type="button" class="button" onClick={() => void session.setMe(family.id, null).then(() => announce(t('manage.family.mineSet')))}>
                  {t('manage.family.setMine')}
                </button>
              )}
            </div>
          </>
        )}
      </section>
      <AdultsSection session={session} view={view} familyId={family.id} readOnly={!editable} />
      <ChildrenSection session={session} view={view} familyId={family.id} readOnly={!editable} />
    </>
  )
}
