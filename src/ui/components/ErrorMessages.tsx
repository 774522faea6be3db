// The app's single error channel on screen: unexpected errors as alerts, each one dismissable.
import { useServices } from '../hooks/services.ts'
import { useStore } from '../hooks/useStore.ts'
import { useI18n } from '../i18n/context.tsx'

export function ErrorMessages() {
  const { t } = useI18n()
  const services = useServices()
  const errors = useStore(services.errors)
  if (errors.length === 0) return null
  // Several identical messages would only add noise: show the newest of each kind.
  const newestByKey = [...new Map(errors.map((error) => [error.key, error])).values()]
  return (
    <div class="status-area" data-testid="app-errors">
      {newestByKey.map((error) => (
        <div key={error.id} class="alert alert--dismissable" role="alert">
          <p>{t(error.key === 'storageUnavailable' ? 'error.storageUnavailable' : 'error.unexpected')}</p>
          <button
            type="button"
            class="button button--quiet"
            onClick={() => errors.filter((e) => e.key === error.key).forEach((e) => services.dismissError(e.id))}
          >
            {t('error.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}
