// The families of the collective: list, add, rename in place, remove after confirmation.
import { useState } from 'preact/hooks'
import type { CollectiveCommands, SessionIdentity } from '../../app/api.ts'
import type { Family } from '../../domain/family.ts'
import type { FamilyId } from '../../domain/ids.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useI18n } from '../i18n/context.tsx'
import { pluralKey } from '../i18n/translate.ts'
import type { MessageKey } from '../i18n/fr.ts'
import { ConfirmAction } from './ConfirmAction.tsx'
import { FamilyNameForm } from './FamilyNameForm.tsx'

interface FamiliesSectionProps {
  readonly session: SessionIdentity & CollectiveCommands
  readonly families: readonly Family[]
}

const byName = (a: Family, b: Family): number => a.displayName.localeCompare(b.displayName, 'fr') || a.id.localeCompare(b.id)

export function FamiliesSection({ session, families }: FamiliesSectionProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [renaming, setRenaming] = useState<FamilyId | null>(null)
  const sorted = [...families].sort(byName)

  const add = (input: { displayName: string }) => {
    const result = session.addFamily(input)
    if (result.ok) announce(t('families.added', { name: input.displayName.trim() }))
    return result
  }

  return (
    <section class="card" aria-labelledby="families-title">
      <h2 id="families-title">
        {t('families.title')}{' '}
        <span class="count">({t(pluralKey<MessageKey>(language, sorted.length, 'families.count.one', 'families.count.other'), { n: sorted.length })})</span>
      </h2>
      {sorted.length === 0 ? (
        <p>{t('families.empty')}</p>
      ) : (
        <ul class="list" data-testid="families">
          {sorted.map((family) => (
            <li key={family.id} class="list__item">
              {renaming === family.id ? (
                <FamilyNameForm
                  id={`rename-${family.id}`}
                  label={t('families.renameLabel', { name: family.displayName })}
                  initial={family.displayName}
                  submitLabel={t('form.save')}
                  autoFocus
                  onSubmit={(input) => {
                    const result = session.renameFamily(family.id, input)
                    if (result.ok) {
                      setRenaming(null)
                      announce(t('families.renamed', { name: input.displayName.trim() }))
                    }
                    return result
                  }}
                  onCancel={() => setRenaming(null)}
                />
              ) : (
                <>
                  <a class="list__link" href={`/c/${session.id}/familles/${family.id}`} data-testid="family-name">{family.displayName}</a>
                  <div class="actions actions--compact">
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={`${t('families.rename')} : ${family.displayName}`}
                      onClick={() => setRenaming(family.id)}
                    >
                      {t('families.rename')}
                    </button>
                    <ConfirmAction
                      label={t('families.remove')}
                      accessibleLabel={`${t('families.remove')} : ${family.displayName}`}
                      question={t('families.removeConfirm', { name: family.displayName })}
                      confirmLabel={t('families.removeYes')}
                      onConfirm={() => {
                        const result = session.removeFamily(family.id)
                        announce(result.ok ? t('families.removed', { name: family.displayName }) : t('removal.notFound'))
                      }}
                    />
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <FamilyNameForm
        id="family-add"
        label={t('families.addLabel')}
        hint={t('families.addHint')}
        submitLabel={t('families.add')}
        clearOnSuccess
        onSubmit={add}
      />
    </section>
  )
}
