// A labelled single-line text field with an optional hint, its length limit shown before submit, and a French-first
// error, all linked by aria-describedby.
import type { Ref } from 'preact'
import { describedByOf, LimitHint } from './FieldLimit.tsx'

interface TextFieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
  /** The most characters the domain accepts (src/app/queries/limits.ts), said under the label. */
  readonly maxLength?: number | undefined
  readonly autoComplete?: string
  readonly inputMode?: 'text' | 'url' | 'numeric'
  readonly inputRef?: Ref<HTMLInputElement>
}

export function TextField(props: TextFieldProps) {
  const describedBy = describedByOf(props.id, { hint: props.hint, limit: props.maxLength, error: props.error })
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="field__hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.maxLength !== undefined && <LimitHint id={props.id} max={props.maxLength} />}
      <input
        id={props.id}
        name={props.id}
        type="text"
        ref={props.inputRef}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.error && (
        <p class="field__error" id={`${props.id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
    </div>
  )
}
