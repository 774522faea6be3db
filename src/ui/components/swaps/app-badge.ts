// The app icon's badge (urgent walks plus requests to answer) where the browser supports it.
/** What setAppBadge needs; absent on most desktop browsers and older phones. */
export interface BadgeNavigator {
  setAppBadge?: (count?: number) => Promise<void>
  clearAppBadge?: () => Promise<void>
}

/** Sets the badge (clears it at 0) where supported; never throws (a refused permission is not an error to show). */
export const applyBadge = (nav: BadgeNavigator | undefined, count: number): void => {
  if (!nav || typeof nav.setAppBadge !== 'function') return
  const done = count > 0 ? nav.setAppBadge(count) : typeof nav.clearAppBadge === 'function' ? nav.clearAppBadge() : nav.setAppBadge(0)
  done.catch(() => undefined)
}
