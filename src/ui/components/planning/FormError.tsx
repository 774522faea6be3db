// The whole-form error of the planning forms (an error on no field, e.g. a damaged document): focusable, so "Enregistrer" moves focus there and it is read out.

/**
 * Give it the id the form's focus helper targets for 'form' (focusFirstManageError focuses idOf('form')):
 * a paragraph takes focus only with tabIndex -1, and focus reads it out (no live region too: it would be read twice).
 */
export function FormError({ id, text }: { readonly id: string; readonly text: string }) {
  return (
    <p class="field__error" id={id} tabIndex={-1} data-testid="planning-form-error">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  )
}
