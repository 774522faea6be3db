// Shown instead of the family's own actions while this phone does not know which family it belongs to (the page shows "Qui êtes-vous ?" above).
import { useI18n } from '../../i18n/context.tsx'

export function MeMissing() {
  const { t } = useI18n()
  return <p class="notice" data-testid="coord-me-missing">{t('coord.me.missing')}</p>
}
