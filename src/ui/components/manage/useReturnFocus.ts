// After an in-place form closes (saved or cancelled), gives the focus back to the button that opened it, so keyboard users keep their place.
import { useEffect, useRef } from 'preact/hooks'

/** `openId` is the id of what is being edited (null when none); `buttonIdOf` names the button that opens its form. */
export const useReturnFocus = (openId: string | null, buttonIdOf: (id: string) => string): void => {
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const closed = previous.current
    previous.current = openId
    if (closed !== null && openId === null) document.getElementById(buttonIdOf(closed))?.focus()
  }, [openId])
}
