// "Nouvelle version disponible — Recharger": the service worker update prompt; the reload itself waits for pending writes.
import { useEffect } from 'preact/hooks'
import type { ReadableStore } from '../../lib/store.ts'
import { useAnnounce } from '../hooks/announcer.tsx'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'

export type UpdatePromptState = 'none' | 'available' | 'waitingForWrites' | 'reloading'

/** What the UI needs from src/pwa (given by main.tsx, so the UI never imports the service worker code). */
export interface UpdatePrompt {
  readonly state: ReadableStore<UpdatePromptState>
  /** Reloads into the new version as soon as no write is pending. */
  reload(): void
}

export function UpdateBanner({ prompt }: { prompt: UpdatePrompt }) {
  const { t } = useI18n()
  const state = useStore(prompt.state)
  const announce = useAnnounce()
  // The banner appears without any action of the user: tell screen readers through the live region.
  useEffect(() => {
    if (state === 'available') announce(t('update.available'))
  }, [state, announce, t])
  if (state === 'none') return null
  const waiting = state !== 'available'
  return (
    <div class="banner" role="region" aria-label={t('update.available')} data-testid="update-banner">
      <p class="banner__text">{t('update.available')}</p>
      <button type="button" class="button button--primary" onClick={() => prompt.reload()} aria-disabled={waiting}>
        {waiting ? t('update.waiting') : t('update.reload')}
      </button>
    </div>
  )
}
