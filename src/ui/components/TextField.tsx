// A labelled single-line text field with an optional hint and a French-first error linked by aria-describedby.
import type { Ref } from 'preact'

interface TextFieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
  readonly autoComplete?: string
  readonly inputMode?: 'text' | 'url' | 'numeric'
  readonly inputRef?: Ref<HTMLInputElement>
}

export function TextField(props: TextFieldProps) {
  const hintId = `${props.id}-hint`
  const errorId = `${props.id}-error`
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="field__hint" id={hintId}>{props.hint}</p>}
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
        aria-describedby={describedBy || undefined}
      />
      {props.error && (
        <p class="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
    </div>
  )
}
