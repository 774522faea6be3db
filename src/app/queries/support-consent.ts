// What a family page shows of the agreement to a child's support note: its state, who agreed and when, who recorded it.
import type { LocalDate } from '../../domain/dates.ts'
import type { Adult, Child } from '../../domain/people.ts'
import { supportConsentState, type SupportConsentState } from '../../domain/support-consent.ts'
import { dateOfAuthorTime } from '../../domain/walk-log/progress.ts'

export type { SupportConsentState }

export interface SupportConsentView {
  /** 'given' (agreed), 'toConfirm' (a note from before agreement was asked), 'withdrawn', 'none' (nothing to agree to). */
  readonly state: SupportConsentState
  /** The first name of the family's adult who agreed; null when none did or they left the collective. */
  readonly agreedBy: string | null
  readonly agreedOn: LocalDate | null
  /** The member of another family who recorded the agreement at the family's request; null when the family did. */
  readonly recordedBy: string | null
  readonly withdrawnOn: LocalDate | null
}

/** The child's agreement as the family page says it (`adults`: the collective's, for the names). */
export const supportConsentOf = (child: Child, adults: readonly Pick<Adult, 'id' | 'firstName'>[]): SupportConsentView => {
  const consent = child.supportConsent
  const nameOf = (id: string | null | undefined): string | null => adults.find((adult) => adult.id === id)?.firstName ?? null
  const given = consent?.given ?? null
  return {
    state: supportConsentState(child),
    agreedBy: nameOf(consent?.adultId),
    agreedOn: given === null ? null : dateOfAuthorTime(given.at),
    recordedBy: given?.onRequest === true ? (nameOf(given.by) ?? '?') : null,
    withdrawnOn: consent?.withdrawn === undefined ? null : dateOfAuthorTime(consent.withdrawn.at),
  }
}
