// Read-only partner links (issue 18): what a member's screen may do with them, and what a partner's page shows.
import type { PartnerSummary } from '../domain/partner-summary.ts'
import type { ReadableStore } from '../lib/store.ts'
import type { Result } from '../lib/result.ts'

/** One partner link as the member's screen lists it (its id is its partner room's id, no secret). */
export interface PartnerLinkInfo {
  readonly id: string
  readonly label: string
  readonly createdAt: number
  /** The link to hand the partner again (its #fragment holds the partner room and the read key only). */
  readonly url: string
}

/**
 * 'offline': the relay could not be reached; 'refused': it refused (try later); 'tooMany': too many active links;
 * 'invalidLabel': the label is empty or too long; 'notFound': no such active link.
 */
export type PartnerLinkError = 'offline' | 'refused' | 'tooMany' | 'invalidLabel' | 'notFound'

export interface PartnerLinks {
  /** Active links, newest first (revoked ones are not listed). */
  readonly links: ReadableStore<readonly PartnerLinkInfo[]>
  /** When this phone last published (or found up to date) every active link's summary; null before. */
  readonly publishedAt: ReadableStore<number | null>
  /** A new link for `label` ("École Jules-Ferry", "Mairie"): its room holds the summary before the link is given. */
  create(label: string): Promise<Result<PartnerLinkInfo, PartnerLinkError>>
  /** Removes the partner's access at once, deletes the partner room's content, stops publishing. */
  revoke(id: string): Promise<Result<void, PartnerLinkError>>
}

/** What a partner's page shows: loading, the summary, offline (with the last one), the link withdrawn, a bad link. */
export type PartnerViewState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'shown'; readonly summary: PartnerSummary; readonly online: boolean }
  | { readonly kind: 'offline' }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'invalidLink' }

export interface PartnerView {
  readonly state: ReadableStore<PartnerViewState>
  destroy(): void
}
