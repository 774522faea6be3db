// Settings: the interface language (French by default), saved on this phone through AppServices; the link to "Vos données".
import { PageTitle } from '../components/PageTitle.tsx'
import { useServices } from '../hooks/services.ts'
import { useI18n } from '../i18n/context.tsx'
import type { Language } from '../i18n/translate.ts'

const ARABIC_NAME = 'العربية'

export function SettingsPage() {
  const { t, language } = useI18n()
  const services = useServices()
  const options: readonly { value: Language; label: string; lang: string }[] = [
    { value: 'fr', label: t('settings.french'), lang: 'fr' },
    { value: 'en', label: t('settings.english'), lang: 'en' },
    // A language is named in itself, in every language (the catalogues' 'Français' and 'English' are too).
    { value: 'ar', label: ARABIC_NAME, lang: 'ar' },
  ]
  return (
    <>
      <PageTitle name="settings.title" />
      <fieldset class="choices">
        <legend>{t('settings.language')}</legend>
        {options.map((option) => (
          <label key={option.value} class="choice" lang={option.lang}>
            <input
              type="radio"
              name="language"
              value={option.value}
              checked={language === option.value}
              onChange={() => void services.setLanguage(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <p><a class="button" href="/donnees">{t('privacy.link')}</a></p>
    </>
  )
}
