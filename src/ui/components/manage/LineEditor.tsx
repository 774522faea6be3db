// One line's details (name, colour, directions, days) with "Modifier la ligne", then its stops.
import { useState } from 'preact/hooks'
import type { LineCommands, LinesView, PeopleView } from '../../../app/api.ts'
import type { Line } from '../../../domain/line.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { lineValuesOf } from './forms.ts'
import { colourText, daysText, directionsText } from './labels.ts'
import { LineForm } from './LineForm.tsx'
import { StopsSection } from './StopsSection.tsx'
import { useReturnFocus } from './useReturnFocus.ts'

export function LineEditor({ session, view, line }: { session: LineCommands; view: PeopleView & LinesView; line: Line }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const [editing, setEditing] = useState(false)
  useReturnFocus(editing ? line.id : null, (id) => `line-${id}-edit`)
  return (
    <>
      <section class="card" aria-labelledby={`line-${line.id}-title`}>
        <h2 id={`line-${line.id}-title`}>
          <span class="swatch" aria-hidden="true" style={{ background: line.colour }} /> <span data-testid="line-name">{line.name}</span>
        </h2>
        {editing ? (
          <LineForm
            idPrefix={`line-edit-${line.id}`}
            initial={lineValuesOf(line, view.settings)}
            submitLabel={t('form.save')}
            onCancel={() => setEditing(false)}
            onSubmit={(input) => {
              const result = session.updateLine(line.id, input)
              if (result.ok) {
                setEditing(false)
                announce(t('manage.saved'))
              }
              return result
            }}
          />
        ) : (
          <>
            <dl class="facts">
              <div><dt>{t('manage.line.colour')}</dt><dd>{colourText(t, line)}</dd></div>
              <div><dt>{t('manage.line.directions')}</dt><dd>{directionsText(t, line.directions)}</dd></div>
              <div><dt>{t('manage.line.days')}</dt><dd>{daysText(t, language, line.days)}</dd></div>
            </dl>
            <div class="actions">
              <button type="button" id={`line-${line.id}-edit`} class="button" onClick={() => setEditing(true)}>{t('manage.line.edit')}</button>
            </div>
          </>
        )}
      </section>
      <StopsSection session={session} view={view} line={line} />
    </>
  )
}
