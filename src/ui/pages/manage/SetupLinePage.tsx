// Guided set-up, step 2 (/c/:id/demarrage/ligne): the first line and its stops; skippable, and reachable later from the collective's home.
import { useState } from 'preact/hooks'
import { LineEditor } from '../../components/manage/LineEditor.tsx'
import { LineForm } from '../../components/manage/LineForm.tsx'
import { SetupProgress, type SetupStep } from '../../components/manage/SetupProgress.tsx'
import { lineValuesOf } from '../../components/manage/forms.ts'
import { nextFreeColour } from '../../components/manage/palette.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from './SessionGate.tsx'

export function SetupLinePage() {
  return <SessionGate screen={SetupLine} />
}

function SetupLine({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  const [createdId, setCreatedId] = useState<string | null>(null)
  const line = view.lines.find((l) => l.id === createdId) ?? [...view.lines].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))[0]
  const done = new Set<SetupStep>(['school'])
  if (line) done.add('line')
  if (me.familyId) done.add('family')
  const next = `/c/${session.id}/demarrage/famille`
  return (
    <>
      <PageTitle>{t('manage.setup.lineTitle')}</PageTitle>
      <SetupProgress collectiveId={session.id} current="line" done={done} />
      <p>{t('manage.setup.lineIntro')}</p>
      {line ? (
        <LineEditor session={session} view={view} line={line} />
      ) : (
        <section class="card" aria-labelledby="line-add-title">
          <h2 id="line-add-title">{t('manage.lines.addTitle')}</h2>
          <LineForm
            idPrefix="line-add"
            initial={lineValuesOf(undefined, view.settings, nextFreeColour([]))}
            submitLabel={t('manage.line.create')}
            onSubmit={(input) => {
              const result = session.addLine(input)
              if (result.ok) {
                setCreatedId(result.value)
                announce(t('manage.line.createdAddStops', { name: input.name.trim() }))
              }
              return result
            }}
          />
        </section>
      )}
      <div class="actions">
        {line ? (
          <a class="button button--primary" href={next}>{t('manage.setup.next')}</a>
        ) : (
          <a class="button" href={next}>{t('manage.setup.skip')}</a>
        )}
        <a class="button button--quiet" href={`/c/${session.id}`}>{t('manage.setup.later')}</a>
      </div>
    </>
  )
}
