// The page's h1, focused after each in-app navigation so screen readers announce the new screen; and the tab's title.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { useI18n } from '../i18n/context.tsx'
import type { MessageKey } from '../i18n/fr.ts'

// The first page of a visit keeps the browser's natural start (the skip link comes first).
let isFirstTitle = true

const APP_NAME = 'Pédibus Coop'

interface PageTitleProps {
  /**
   * The screen's name, a text with no values: the tab's title, which the browser keeps in its history, sessions and
   * synced account, so it never holds what a member typed (a family's name); and the heading when no children.
   */
  readonly name?: MessageKey
  /** The heading when it says more than the screen's name (a family's or a line's name, a week's date). */
  readonly children?: ComponentChildren
  /**
   * What the page shows when one mounted page shows several (the week of a Monday): a new value is a new screen for
   * the reader, focused like a navigation.
   */
  readonly screen?: string
}

export function PageTitle({ name, children, screen }: PageTitleProps) {
  const { t } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (isFirstTitle) isFirstTitle = false
    else heading.current?.focus()
  }, [screen])
  const windowTitle = name === undefined ? APP_NAME : `${t(name)} · ${APP_NAME}`
  useEffect(() => {
    document.title = windowTitle
  }, [windowTitle])
  return <h1 tabIndex={-1} ref={heading}>{children ?? (name === undefined ? APP_NAME : t(name))}</h1>
}
