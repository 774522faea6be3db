// What must hold of the planning records once replicas converge: every one written is valid (none "to check") and an availability names its adult's family.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'

const PLANNING_KINDS = new Set(['availability', 'exemption'])

export const checkPlanning = (view: CollectiveSnapshot): string[] => {
  const failures: string[] = []
  const toCheck = view.toCheck.filter((record) => PLANNING_KINDS.has(record.kind) || (record.kind === 'settings' && record.key === 'fairness'))
  if (toCheck.length > 0) failures.push(`planning records to check: ${toCheck.map((record) => `${record.kind} ${record.problems.join(',')}`).join('; ')}`)
  const familyOf = new Map<string, string>(view.adults.map((adult) => [adult.id, adult.familyId]))
  for (const entry of view.planning.availability) {
    const familyId = familyOf.get(entry.adultId)
    if (familyId !== undefined && familyId !== entry.familyId) failures.push(`availability of ${entry.adultId} names another family`)
  }
  const ids = view.planning.exemptions.map((exemption) => exemption.id)
  if (new Set(ids).size !== ids.length) failures.push('an exemption is listed twice')
  return failures
}
