// "Types de coups de main", collapsed: every member may add a kind to the collective's list, and hide or show one.
import { useState } from 'preact/hooks'
import type { HelpCommands, SessionState } from '../../../app/api.ts'
import { HELP_KIND_LABEL_MAX, helpKindLabel, helpKindsEditable } from '../../../app/queries/help-screens.ts'
import type { HelpKind } from '../../../domain/help/kinds.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { fieldErrorText } from '../../i18n/translate.ts'
import { InputField } from '../manage/fields.tsx'

const ADD_ID = 'help-kind-label'

function KindRow({ session, kind, hidden }: { session: SessionState & HelpCommands; kind: HelpKind; hidden: boolean }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const label = helpKindLabel(kind, language)
  const toggle = () => {
    const result = session.hideHelpKind(kind.id, !hidden)
    if (!result.ok) announce(t('help.error.failed'))
  }
  return (
    <li class="list__item" data-testid="help-kind">
      <span class="list__name">{label}{hidden && <span class="muted"> {t('help.kinds.hidden')}</span>}</span>
      <button
        type="button" class="button" onClick={toggle}
        aria-label={t(hidden ? 'help.kinds.showLabel' : 'help.kinds.hideLabel', { kind: label })}
      >
        {t(hidden ? 'help.kinds.show' : 'help.kinds.hide')}
      </button>
    </li>
  )
}

function AddKindForm({ session }: { session: SessionState & HelpCommands }) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [label, setLabel] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.addHelpKind(label)
    if (!result.ok) {
      setError(fieldErrorText(t, result.error['label'] ?? Object.values(result.error)[0] ?? '', HELP_KIND_LABEL_MAX))
      requestAnimationFrame(() => document.getElementById(ADD_ID)?.focus())
      return
    }
    announce(t('help.kinds.added', { kind: label.trim() }))
    setLabel('')
    setError(null)
  }
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="help-kind-form">
      <InputField
        id={ADD_ID} label={t('help.kinds.add')} value={label} onInput={setLabel} error={error} maxLength={HELP_KIND_LABEL_MAX}
      />
      <div class="actions">
        <button type="submit" class="button">{t('help.kinds.addSave')}</button>
      </div>
    </form>
  )
}

export function HelpKindsEditor({ session }: { session: SessionState & HelpCommands }) {
  const { t } = useI18n()
  const kinds = helpKindsEditable(useStore(session.view))
  return (
    <details class="card help-kinds" data-testid="help-kinds">
      <summary>{t('help.kinds.title')}</summary>
      <p>{t('help.kinds.intro')}</p>
      <ul class="list">
        {kinds.map(({ kind, hidden }) => <KindRow key={kind.id} session={session} kind={kind} hidden={hidden} />)}
      </ul>
      <AddKindForm session={session} />
    </details>
  )
}
