// Form fields of the management screens (typed inputs, text areas, selects, checkboxes, choice groups), all with label,
// hint, length limit where text is typed, and linked error.
import type { ComponentChildren } from 'preact'
import { describedByOf, LimitHint } from '../FieldLimit.tsx'
import { LengthCounter } from './LengthCounter.tsx'

interface FieldFrameProps {
  readonly id: string
  readonly label: string
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
  /** The most characters the domain accepts, said before submit. */
  readonly maxLength?: number | undefined
  /** What follows the control (a text area's counter). */
  readonly after?: ComponentChildren
  readonly children: (describedBy: string | undefined) => ComponentChildren
}

/** Label, hint, limit and error around one control; the control is linked to them by aria-describedby. */
function FieldFrame({ id, label, hint, error, maxLength, after, children }: FieldFrameProps) {
  const describedBy = describedByOf(id, { hint, limit: maxLength, error })
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p class="field__hint" id={`${id}-hint`}>{hint}</p>}
      {maxLength !== undefined && <LimitHint id={id} max={maxLength} />}
      {children(describedBy)}
      {after}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </div>
  )
}

export function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p class="field__error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  )
}

interface InputFieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly type?: 'text' | 'time' | 'date' | 'tel'
  readonly inputMode?: 'text' | 'numeric' | 'tel'
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
  readonly autoComplete?: string
  /** Said under the label; never enforced by the input itself, which would cut a pasted text without a word. */
  readonly maxLength?: number | undefined
  /** A number's most digits, enforced by the input (its hint says the bounds that matter). */
  readonly maxDigits?: number
}

export function InputField(props: InputFieldProps) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} maxLength={props.maxLength}>
      {(describedBy) => (
        <input
          id={props.id}
          name={props.id}
          type={props.type ?? 'text'}
          value={props.value}
          inputMode={props.inputMode}
          maxLength={props.maxDigits}
          autoComplete={props.autoComplete ?? 'off'}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  )
}

interface TextAreaFieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
  readonly rows?: number
  /** Long texts (notes, support instructions): said under the label and counted as typed. */
  readonly maxLength?: number | undefined
}

export function TextAreaField(props: TextAreaFieldProps) {
  const counter = props.maxLength === undefined ? null : <LengthCounter value={props.value} max={props.maxLength} />
  return (
    <FieldFrame
      id={props.id} label={props.label} hint={props.hint} error={props.error}
      maxLength={props.maxLength} after={counter}
    >
      {(describedBy) => (
        <textarea
          id={props.id}
          name={props.id}
          rows={props.rows ?? 3}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  )
}

export interface SelectOption {
  readonly value: string
  readonly label: string
}
export interface SelectGroup {
  readonly label: string
  readonly options: readonly SelectOption[]
}

interface SelectFieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  /** Options before any group (e.g. "none"). */
  readonly options: readonly SelectOption[]
  readonly groups?: readonly SelectGroup[]
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
}

export function SelectField(props: SelectFieldProps) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <select
          id={props.id}
          name={props.id}
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          {props.groups?.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}

interface CheckboxFieldProps {
  readonly id: string
  readonly label: string
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
}

export function CheckboxField({ id, label, checked, onChange, hint, error }: CheckboxFieldProps) {
  return (
    <div class={error ? 'field field--check field--error' : 'field field--check'}>
      <label class="choice" for={id}>
        <input
          id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)}
          aria-invalid={error ? 'true' : undefined} aria-describedby={describedByOf(id, { hint, error })}
        />
        <span>{label}</span>
      </label>
      {hint && <p class="field__hint" id={`${id}-hint`}>{hint}</p>}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </div>
  )
}

interface ChoiceGroupProps<V extends string | number> {
  /** The fieldset id; each option's input is `${id}-${value}`. */
  readonly id: string
  readonly legend: string
  readonly kind: 'checkbox' | 'radio'
  readonly options: readonly { readonly value: V; readonly label: string; readonly swatch?: string }[]
  readonly selected: readonly V[]
  readonly onChange: (selected: V[]) => void
  readonly hint?: string | undefined
  readonly error?: string | null | undefined
}

/** A fieldset of checkboxes (several values) or radios (one value), with a legend, hint and error. */
export function ChoiceGroup<V extends string | number>(props: ChoiceGroupProps<V>) {
  const describedBy = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined
  const toggle = (value: V, checked: boolean) => {
    if (props.kind === 'radio') props.onChange([value])
    else props.onChange(checked ? props.options.map((o) => o.value).filter((v) => v === value || props.selected.includes(v)) : props.selected.filter((v) => v !== value))
  }
  return (
    <fieldset class={props.error ? 'choices field field--error' : 'choices field'} id={props.id} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint && <p class="field__hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <div class="choices__options">
        {props.options.map((option) => {
          const inputId = `${props.id}-${option.value}`
          return (
            <label key={option.value} class="choice" for={inputId}>
              <input
                id={inputId}
                type={props.kind}
                name={props.id}
                value={String(option.value)}
                checked={props.selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />
              {option.swatch && <span class="swatch" aria-hidden="true" style={{ background: option.swatch }} />}
              <span>{option.label}</span>
            </label>
          )
        })}
      </div>
      {props.error && <FieldError id={`${props.id}-error`} text={props.error} />}
    </fieldset>
  )
}

/** Focuses the first field in error (form order); a fieldset gives the focus to its first input. */
export const focusFirstManageError = (fields: readonly string[], errors: Readonly<Record<string, unknown>>, idOf: (field: string) => string): void => {
  const first = fields.find((field) => field in errors)
  if (first === undefined) return
  requestAnimationFrame(() => {
    const element = document.getElementById(idOf(first))
    const target = element instanceof HTMLFieldSetElement ? element.querySelector('input') : element
    target?.focus()
  })
}
