// The sections of "Vos données" (on this phone, on the relay, who sees what, what leaves the app, leaving, rights), shared by the global and the per-collective page.
import type { ComponentChildren } from 'preact'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

export interface PrivacyContentProps {
  /**
   * Where "Quitter le collectif" is: this phone's family page in the collective shown (or its
   * families list when no family is chosen yet); null on the global page, where no collective is open.
   */
  readonly familyHref: string | null
}

/** Section ids, in reading order: also the headings' ids, so each section is named by its heading. */
export const PRIVACY_SECTIONS = ['phone', 'relay', 'who', 'outside', 'leave', 'rights'] as const

export function PrivacyContent({ familyHref }: PrivacyContentProps) {
  const { t } = useI18n()
  const paragraphs = (keys: readonly MessageKey[]) => keys.map((key) => <p key={key}>{t(key)}</p>)
  return (
    <>
      <p class="lead">{t('privacy.intro')}</p>
      <Section id="phone" title={t('privacy.phone.title')}>
        {paragraphs(['privacy.phone.copy', 'privacy.phone.device', 'privacy.phone.lock', 'privacy.phone.forget'])}
        <p><a class="button" href="/collectifs">{t('privacy.phone.forgetLink')}</a></p>
      </Section>
      <Section id="relay" title={t('privacy.relay.title')}>
        {paragraphs(['privacy.relay.what', 'privacy.relay.sealed', 'privacy.relay.clear', 'privacy.relay.places', 'privacy.relay.key'])}
      </Section>
      <Section id="who" title={t('privacy.who.title')}>
        {paragraphs(['privacy.who.members', 'privacy.who.link', 'privacy.who.health', 'privacy.who.minimum', 'privacy.who.fairness'])}
      </Section>
      <Section id="outside" title={t('privacy.outside.title')}>
        {paragraphs(['privacy.outside.print', 'privacy.outside.ics', 'privacy.outside.export'])}
      </Section>
      <Section id="leave" title={t('privacy.leave.title')}>
        <p>{t('privacy.leave.how')}</p>
        {familyHref === null
          ? <p>{t('privacy.leave.pickCollective')} <a href="/collectifs">{t('privacy.phone.forgetLink')}</a></p>
          : <p><a class="button" href={familyHref}>{t('privacy.leave.familyLink')}</a></p>}
        <p>{t('privacy.leave.then')}</p>
        <div class="notice">
          <p>{t('privacy.leave.keeps')}</p>
          <p>{t('privacy.leave.stillOpen')}</p>
        </div>
      </Section>
      <Section id="rights" title={t('privacy.rights.title')}>
        <p>{t('privacy.rights.text')}</p>
      </Section>
    </>
  )
}

function Section({ id, title, children }: { id: (typeof PRIVACY_SECTIONS)[number]; title: string; children: ComponentChildren }) {
  const headingId = `privacy-${id}`
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  )
}
