// The coordinator's screen: what needs attention in a date range. A duty, not a permission: any member may open it and act.
import type { LocalDate } from '../dates.ts'
import type { FamilyId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import type { Adult } from '../people.ts'
import { compareText } from '../record-order.ts'
import type { WalkRota } from '../rota-types.ts'
import { signUpRota, walksToCover, type PendingItem, type ResolveRange } from './handover.ts'

export interface FamilyWithoutCharter {
  readonly familyId: FamilyId
  /** The family's adults who have not accepted the charter yet. */
  readonly adults: readonly Adult[]
}

export interface CoordinatorAttention {
  readonly walksToCover: readonly WalkRota[]
  /** As given: pending swap offers and requests (src/domain/swaps feeds slot offers later). */
  readonly pendingSwaps: readonly PendingItem[]
  /** Records the document readers could not validate ("à vérifier"), as counted by them. */
  readonly toCheckCount: number
  readonly familiesWithoutCharter: readonly FamilyWithoutCharter[]
}

/**
 * Families with at least one adult whose charter acceptance is missing, in the model's family
 * order (families unknown to the model last, by id), adults in model order.
 */
export const familiesWithoutCharter = (model: Pick<CollectiveModel, 'families' | 'adults'>): FamilyWithoutCharter[] => {
  const byFamily = new Map<FamilyId, Adult[]>()
  for (const adult of model.adults) {
    if (adult.charterAcceptedOn !== null) continue
    byFamily.set(adult.familyId, [...(byFamily.get(adult.familyId) ?? []), adult])
  }
  const rank = new Map(model.families.map((family, index) => [family.id, index]))
  return [...byFamily.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || compareText(a, b))
    .map(([familyId, adults]) => ({ familyId, adults }))
}

export interface AttentionInput {
  readonly model: CollectiveModel
  /** Usually the current period's start and end (see currentAndNextCoordinator). */
  readonly from: LocalDate
  readonly to: LocalDate
  /** Epoch ms, for urgency. */
  readonly now: number
  readonly pendingSwaps?: readonly PendingItem[]
  readonly toCheckCount?: number
  /** Default: sign-ups only (see signUpRota); pass the effective walks once swaps exist. */
  readonly resolve?: ResolveRange
}

export const coordinatorAttention = (input: AttentionInput): CoordinatorAttention => ({
  walksToCover: walksToCover(input.resolve ?? signUpRota(input.model, input.now), input.from, input.to),
  pendingSwaps: input.pendingSwaps ?? [],
  toCheckCount: input.toCheckCount ?? 0,
  familiesWithoutCharter: familiesWithoutCharter(input.model),
})
