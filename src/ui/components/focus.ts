// Focus helpers: after a failed submit, focus the first field in error, in form order.

/** Focuses the element with the first of `ids` (form order) that is a key of `errors`. */
export const focusFirstError = (ids: readonly string[], errors: Readonly<Record<string, unknown>>, idOf: (field: string) => string): void => {
  const first = ids.find((field) => field in errors)
  if (first === undefined) return
  // The error paragraphs render in the same commit; focus after it so aria-describedby is read.
  requestAnimationFrame(() => document.getElementById(idOf(first))?.focus())
}
