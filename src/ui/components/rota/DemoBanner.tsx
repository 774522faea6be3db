// The banner every demo screen carries: this is an example, nothing is shared, and the way out.
import { useI18n } from '../../i18n/context.tsx'
import './rota.css'

export function DemoBanner() {
  const { t } = useI18n()
  return (
    <div class="demo-banner" data-testid="demo-banner">
      <p>{t('rota.demo.banner')}</p>
      <a class="button" href="/">{t('rota.demo.leave')}</a>
    </div>
  )
}
