// Where focus goes after a walk-screen action removes the control that had it (a button replaced by its "done" line, a removed note).

/**
 * Focuses the first of `ids` present once the action's re-render is on screen. Store updates
 * re-render in a microtask; the next frame comes after it, so the new elements exist by then.
 */
export const focusLater = (...ids: readonly string[]): void => {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined') return
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id)
      if (element !== null) {
        element.focus()
        return
      }
    }
  })
}

/** Focuses `element` on the next frame if it is still on the page (a mark button that stays put). */
export const refocusLater = (element: HTMLElement | null): void => {
  if (element === null || typeof requestAnimationFrame !== 'function') return
  requestAnimationFrame(() => {
    if (element.isConnected) element.focus()
  })
}

/** The ids a departure or arrival control gives its parts, so focus can be moved to them by name. */
export const walkEventIds = (id: string) => ({ go: `${id}-go`, done: `${id}-done`, undo: `${id}-undo` })
