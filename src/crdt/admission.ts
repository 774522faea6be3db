// Whether a room takes an update as it is now: accepted (integrates completely, nothing left pending), to wait for
// (missing predecessors or deletions of clocks not there yet: may integrate after the sender's other messages),
// refused (never: malformed, outside the policy, unresolvable), or in conflict (content the room holds under the
// same ids differs: a forged write, or a phone that diverged).
import * as Y from 'yjs'
import { checkAgainstDocument, findConflict, type HeldFailure } from './held.ts'
import { planIntegration, type IntegrationPlan, type PlanFailure } from './integration.ts'
import { checkPolicy, type PolicyFailure, type UpdatePolicy } from './policy.ts'
import { parseUpdateShape, UpdateShapeError, type ShapeError, type StructId, type UpdateShape } from './update-shape.ts'

export type RefusalReason = ShapeError | PolicyFailure | Exclude<PlanFailure, 'missingPredecessor' | 'ghostDeletion'>
  | Exclude<HeldFailure, 'conflict'>

export type Admission =
  | { readonly kind: 'accept'; readonly shape: UpdateShape; readonly plan: Extract<IntegrationPlan, { ok: true }> }
  | { readonly kind: 'wait'; readonly reason: 'missingPredecessor' | 'ghostDeletion' }
  | { readonly kind: 'refuse'; readonly reason: RefusalReason }
  | { readonly kind: 'conflict'; readonly at: StructId }

export const admitUpdate = (doc: Y.Doc, update: Uint8Array, policy: UpdatePolicy): Admission => {
  let shape: UpdateShape
  try {
    shape = parseUpdateShape(update)
  } catch (error) {
    if (error instanceof UpdateShapeError) return { kind: 'refuse', reason: error.reason }
    throw error
  }
  const broken = checkPolicy(shape, policy)
  if (broken) return { kind: 'refuse', reason: broken }
  // Content the room holds under the same ids first: a forged write (or a diverged phone) is told as such, even
  // when the rest of the update would also have to wait.
  const conflict = findConflict(doc, update, shape)
  if (conflict) return { kind: 'conflict', at: conflict }
  const plan = planIntegration(shape, (client) => Y.getState(doc.store, client))
  if (!plan.ok) {
    if (plan.reason === 'missingPredecessor' || plan.reason === 'ghostDeletion') return { kind: 'wait', reason: plan.reason }
    return { kind: 'refuse', reason: plan.reason }
  }
  const held = checkAgainstDocument(doc, update, shape, plan, { maxDepth: policy.maxDepth })
  if (!held.ok) {
    if (held.reason === 'conflict') return { kind: 'conflict', at: held.at ?? { client: 0, clock: 0 } }
    return { kind: 'refuse', reason: held.reason }
  }
  return { kind: 'accept', shape, plan }
}
