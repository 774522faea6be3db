// Guided set-up, step 2 (/c/:id/demarrage/ligne): the first line and its stops, done with two stops (the button to go
// on says what is missing); skippable before a line exists, and reachable later from the collective's home.
import { useState } from 'preact/hooks'
import { lineSetupOf } from '../../../app/queries/collective.ts'
import { MIN_STOPS_PER_LINE } from '../../../app/queries/limits.ts'
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
  const setup = lineSetupOf(view, createdId)
  const line = setup.line
  const done = new Set<SetupStep>(['school'])
  if (setup.done) done.add('line')
  if (view.families.some((family) => family.id === me.familyId)) done.add('family')
  const next = `/c/${session.id}/demarrage/famille`
  return (
    <>
      <PageTitle name="manage.setup.lineTitle" />
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
      {line && !setup.done && (
        <p id="setup-line-why" data-testid="setup-line-why">
          {t('manage.setup.stopsWhy', { min: MIN_STOPS_PER_LINE })}
        </p>
      )}
      <div class="actions">
        {setup.done && <a class="button button--primary" href={next}>{t('manage.setup.next')}</a>}
        {line && !setup.done && <StopsMissing lineId={line.id} missing={setup.stopsMissing} />}
        {!line && <a class="button" href={next}>{t('manage.setup.skip')}</a>}
        <a class="button button--quiet" href={`/c/${session.id}`}>{t('manage.setup.later')}</a>
      </div>
    </>
  )
}

/**
 * In place of "Étape suivante" while the line lacks stops: says how many, is explained by the paragraph above, and
 * takes the focus to the stop form. aria-disabled rather than disabled, so it stays focusable and its reason is read.
 */
function StopsMissing({ lineId, missing }: { lineId: string; missing: number }) {
  const { t } = useI18n()
  const label = missing === 1 ? t('manage.setup.stopsMissingOne') : t('manage.setup.stopsMissingMany', { n: missing })
  return (
    <button type="button" class="button button--primary" aria-disabled="true" aria-describedby="setup-line-why"
      onClick={() => document.getElementById(`stop-add-${lineId}-name`)?.focus()}>
      {label}
    </button>
  )
}
