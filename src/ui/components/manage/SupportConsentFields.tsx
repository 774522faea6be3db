// The child form's support part (issue 16): why the family's agreement is asked, what it covers and that it can be
// withdrawn, said before anything is sent; the note and "compte double"; the agreement and who gives it; "à sa demande".
import type { SupportConsentView } from '../../../app/queries/support-consent.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import { useI18n } from '../../i18n/context.tsx'
import { CheckboxField, SelectField, TextAreaField } from './fields.tsx'

/** What the form knows of the child's family and its agreement. */
export interface ChildConsentContext {
  /** The child's family is this phone's. */
  readonly mine: boolean
  /** The child's family's adults: one of them agrees. */
  readonly adults: readonly Pick<Adult, 'id' | 'firstName'>[]
  /** This phone's adult, proposed as the one who agrees when of the family. */
  readonly me: AdultId | null
  /** The stored child's agreement; null for a new child (or one being repaired). */
  readonly stored: SupportConsentView | null
}

/** The consent part of the form: the agreement ticked, the adult chosen, "à sa demande" ticked. */
export interface ConsentValues {
  readonly agree: boolean
  readonly consentBy: string
  readonly onRequest: boolean
}

export const initialConsent = (): ConsentValues => ({ agree: false, consentBy: '', onRequest: false })

/**
 * The adult who agrees: the one chosen while still of the family, else this phone's adult when of the family, else its
 * first (the family's adults may arrive after the form: an empty family is filled in adult first).
 */
export const agreeingAdult = (context: ChildConsentContext, values: ConsentValues): string => {
  const of = (id: string | null): boolean => id !== null && context.adults.some((adult) => adult.id === id)
  if (of(values.consentBy)) return values.consentBy
  return of(context.me) ? (context.me ?? '') : (context.adults[0]?.id ?? '')
}

/** What the command takes: the adult who agrees (a new agreement), and whether written at the family's request. */
export const consentInputOf = (
  context: ChildConsentContext, values: ConsentValues,
): { consentBy?: string; onRequest?: boolean } => {
  const agreeing = agreeingAdult(context, values)
  return {
    ...(values.agree && context.stored?.state !== 'given' && agreeing !== '' ? { consentBy: agreeing } : {}),
    ...(!context.mine && values.onRequest ? { onRequest: true } : {}),
  }
}

interface SupportConsentFieldsProps {
  readonly idOf: (field: string) => string
  readonly context: ChildConsentContext
  readonly support: string
  readonly countsExtra: boolean
  readonly consent: ConsentValues
  readonly onSupport: (support: string) => void
  readonly onCountsExtra: (countsExtra: boolean) => void
  readonly onConsent: (patch: Partial<ConsentValues>) => void
  readonly supportError: string | null
  readonly consentError: string | null
  readonly supportMax: number
  /** "Accord de la famille donné par Camille le 2 mars 2027." for an agreement that stands. */
  readonly givenText: string | null
}

export function SupportConsentFields(props: SupportConsentFieldsProps) {
  const { t } = useI18n()
  const { idOf, context, consent } = props
  const explain = ['why', 'covers', 'withdrawable'] as const
  return (
    <fieldset class="field consent" id={idOf('consent')} aria-describedby={explain.map((part) => idOf(`consent-${part}`)).join(' ')}>
      <legend>{t('manage.consent.legend')}</legend>
      {explain.map((part) => (
        <p key={part} class="field__hint" id={idOf(`consent-${part}`)}>{t(`manage.consent.${part}`)}</p>
      ))}
      <TextAreaField
        id={idOf('support')}
        label={t('manage.child.support')}
        hint={t('manage.child.supportHint')}
        value={props.support}
        onInput={props.onSupport}
        error={props.supportError}
        maxLength={props.supportMax}
      />
      <CheckboxField
        id={idOf('countsExtra')} label={t('manage.child.countsExtra')} hint={t('manage.child.countsExtraHint')}
        checked={props.countsExtra} onChange={props.onCountsExtra}
      />
      {props.givenText !== null ? <p data-testid="consent-given">{props.givenText}</p> : context.adults.length === 0 ? (
        <p class="notice" id={idOf('consentBy')} tabIndex={-1}>{props.consentError ?? t('manage.consent.noAdult')}</p>
      ) : (
        <>
          <CheckboxField
            id={idOf('consentBy')} label={t('manage.consent.agree')} checked={consent.agree}
            onChange={(agree) => props.onConsent({ agree })} error={props.consentError}
          />
          {consent.agree && (
            <SelectField
              id={idOf('consentAdult')}
              label={t('manage.consent.by')}
              value={agreeingAdult(context, consent)}
              onChange={(consentBy) => props.onConsent({ consentBy })}
              options={context.adults.map((adult) => ({ value: adult.id, label: adult.firstName }))}
            />
          )}
        </>
      )}
      {!context.mine && (
        <CheckboxField
          id={idOf('onRequest')} label={t('manage.consent.onRequest')} hint={t('manage.consent.onRequestHint')}
          checked={consent.onRequest} onChange={(onRequest) => props.onConsent({ onRequest })}
        />
      )}
    </fieldset>
  )
}
