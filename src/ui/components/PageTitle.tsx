// The page's h1, focused after each in-app navigation so screen readers announce the new screen.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

// The first page of a visit keeps the browser's natural start (the skip link comes first).
let isFirstTitle = true

/**
 * `screen` names what the page shows when one mounted page shows several (the week of a Monday): a new value is a new
 * screen for the reader, focused like a navigation.
 */
export function PageTitle({ children, screen }: { children: ComponentChildren; screen?: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (isFirstTitle) isFirstTitle = false
    else heading.current?.focus()
  }, [screen])
  // The tab/window title names the screen too (history list, screen reader window title).
  useEffect(() => {
    const text = heading.current?.textContent?.trim()
    document.title = text && text !== 'Pédibus Coop' ? `${text} · Pédibus Coop` : 'Pédibus Coop'
  })
  return <h1 tabIndex={-1} ref={heading}>{children}</h1>
}
