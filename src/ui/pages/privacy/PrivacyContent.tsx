// The sections of "Vos données" (who answers, why, where, how long, rights, consent, leaving), for both privacy pages.
import type { ComponentChildren } from 'preact'
import type { AssociationContact } from '../../../app/queries/association.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'

/** Where a family complains about its data: the CNIL's complaint page. */
export const CNIL_COMPLAINT_URL = 'https://www.cnil.fr/fr/plaintes'

/** The collective shown, for its association and the links to the screens where each right is exercised. */
export interface PrivacyCollective {
  /** `/c/<id>` */
  readonly base: string
  /** This phone's family page (where one corrects and leaves), or the families list when no family is chosen yet. */
  readonly familyHref: string
  /** The association responsible for the data, from the settings; null when not filled in. */
  readonly association: AssociationContact | null
}

export interface PrivacyContentProps {
  /** null on the global page, where no collective is open. */
  readonly collective: PrivacyCollective | null
}

/** Section ids, in reading order: also the headings' ids, so each section is named by its heading. */
export const PRIVACY_SECTIONS = [
  'controller', 'purposes', 'who', 'phone', 'relay', 'retention', 'outside', 'rights', 'consent', 'leave',
] as const

const PURPOSES: readonly (readonly [MessageKey, MessageKey])[] = [
  ['privacy.purposes.walks', 'privacy.purposes.walksText'],
  ['privacy.purposes.support', 'privacy.purposes.supportText'],
  ['privacy.purposes.notes', 'privacy.purposes.notesText'],
  ['privacy.purposes.guests', 'privacy.purposes.guestsText'],
  ['privacy.purposes.never', 'privacy.purposes.neverText'],
]

const RETENTION: readonly MessageKey[] = [
  'privacy.retention.phone', 'privacy.retention.family', 'privacy.retention.walks', 'privacy.retention.archive',
  'privacy.retention.guests', 'privacy.retention.idle', 'privacy.retention.renewed', 'privacy.retention.invites',
  'privacy.retention.paper',
]

export function PrivacyContent({ collective }: PrivacyContentProps) {
  const { t } = useI18n()
  const paragraphs = (keys: readonly MessageKey[]) => keys.map((key) => <p key={key}>{t(key)}</p>)
  const familyLink = collective === null
    ? <p>{t('privacy.leave.pickCollective')} <a href="/collectifs">{t('privacy.phone.forgetLink')}</a></p>
    : <p><a class="button" href={collective.familyHref}>{t('privacy.leave.familyLink')}</a></p>
  return (
    <>
      <p class="lead">{t('privacy.intro')}</p>
      <Section id="controller" title={t('privacy.controller.title')}>
        <Controller collective={collective} />
      </Section>
      <Section id="purposes" title={t('privacy.purposes.title')}>
        <ul>
          {PURPOSES.map(([label, text]) => <li key={label}><strong>{t(label)}</strong> {t(text)}</li>)}
        </ul>
      </Section>
      <Section id="who" title={t('privacy.who.title')}>
        {paragraphs(['privacy.who.members', 'privacy.who.link', 'privacy.who.health', 'privacy.who.minimum', 'privacy.who.fairness'])}
      </Section>
      <Section id="phone" title={t('privacy.phone.title')}>
        {paragraphs(['privacy.phone.copy', 'privacy.phone.device', 'privacy.phone.lock', 'privacy.phone.forget'])}
        <p><a class="button" href="/collectifs">{t('privacy.phone.forgetLink')}</a></p>
      </Section>
      <Section id="relay" title={t('privacy.relay.title')}>
        {paragraphs([
          'privacy.relay.what', 'privacy.relay.sealed', 'privacy.relay.clear', 'privacy.relay.places', 'privacy.relay.key',
          'privacy.relay.code',
        ])}
      </Section>
      <Section id="retention" title={t('privacy.retention.title')}>
        <ul>{RETENTION.map((key) => <li key={key}>{t(key)}</li>)}</ul>
      </Section>
      <Section id="outside" title={t('privacy.outside.title')}>
        {paragraphs(['privacy.outside.print', 'privacy.outside.ics', 'privacy.outside.export'])}
      </Section>
      <Section id="rights" title={t('privacy.rights.title')}>
        <Rights collective={collective} />
      </Section>
      <Section id="consent" title={t('privacy.consent.title')}>
        {paragraphs(['privacy.consent.who', 'privacy.consent.withdraw', 'privacy.consent.before'])}
        {familyLink}
      </Section>
      <Section id="leave" title={t('privacy.leave.title')}>
        <p>{t('privacy.leave.how')}</p>
        {familyLink}
        <p>{t('privacy.leave.then')}</p>
        <div class="notice">
          <p>{t('privacy.leave.keeps')}</p>
          <p>{t('privacy.leave.stillOpen')}</p>
        </div>
      </Section>
    </>
  )
}

/** The association's name and contact, or a plain sentence saying they are missing and where a member fills them in. */
function Controller({ collective }: PrivacyContentProps) {
  const { t } = useI18n()
  if (collective === null) {
    return <p>{t('privacy.controller.perCollective')} <a href="/collectifs">{t('privacy.phone.forgetLink')}</a></p>
  }
  const { association } = collective
  const howToFill = (
    <p>
      {t('privacy.controller.howToFill')}{' '}
      <a href={`${collective.base}/parametres#settings-association`}>{t('privacy.controller.settingsLink')}</a>
    </p>
  )
  if (association === null) {
    return (
      <>
        <p>{t('privacy.controller.missing')}</p>
        {howToFill}
      </>
    )
  }
  const contact = association.contact === null
    ? t('privacy.controller.noContact')
    : association.mailto === null ? association.contact : <a href={association.mailto}>{association.contact}</a>
  return (
    <>
      <p>{t('privacy.controller.intro')}</p>
      <dl class="privacy-controller">
        <dt>{t('privacy.controller.name')}</dt>
        <dd data-testid="privacy-association-name">{association.name ?? t('privacy.controller.noName')}</dd>
        <dt>{t('privacy.controller.contact')}</dt>
        <dd data-testid="privacy-association-contact">{contact}</dd>
      </dl>
      {(association.name === null || association.contact === null) && howToFill}
    </>
  )
}

/** Each right with the screen where a family exercises it; the answer delay; the complaint to the CNIL. */
function Rights({ collective }: PrivacyContentProps) {
  const { t } = useI18n()
  const rights: readonly { label: MessageKey; text: MessageKey; link: readonly [string, MessageKey] | null }[] = [
    {
      label: 'privacy.rights.access', text: 'privacy.rights.accessText',
      link: collective && [collective.familyHref, 'privacy.leave.familyLink'],
    },
    {
      label: 'privacy.rights.rectify', text: 'privacy.rights.rectifyText',
      link: collective && [collective.familyHref, 'privacy.leave.familyLink'],
    },
    {
      label: 'privacy.rights.portability', text: 'privacy.rights.portabilityText',
      link: collective && [`${collective.base}/parametres#export-title`, 'privacy.rights.portabilityLink'],
    },
    { label: 'privacy.rights.erase', text: 'privacy.rights.eraseText', link: ['/collectifs', 'privacy.phone.forgetLink'] },
    { label: 'privacy.rights.object', text: 'privacy.rights.objectText', link: null },
    { label: 'privacy.rights.withdraw', text: 'privacy.rights.withdrawText', link: null },
  ]
  return (
    <>
      <p>{t('privacy.rights.intro')}</p>
      <ul>
        {rights.map(({ label, text, link }) => (
          <li key={label}>
            <strong>{t(label)}</strong> {t(text)}
            {link !== null && <> <a href={link[0]}>{t(link[1])}</a></>}
          </li>
        ))}
      </ul>
      <p>{t('privacy.rights.answer')}</p>
      <p>{t('privacy.rights.cnil')}</p>
      <p><a href={CNIL_COMPLAINT_URL} target="_blank" rel="noopener noreferrer">{t('privacy.rights.cnilLink')}</a></p>
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
