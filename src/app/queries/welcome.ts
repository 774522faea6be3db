// The guided join's progress rule: the step a landing opens on this phone, and the step after one finished or skipped.
import type { DeviceIdentity, WelcomeProgress, WelcomeStep } from '../api.ts'

export const WELCOME_STEPS: readonly WelcomeStep[] = ['famille', 'enfants', 'disponibilites']

/**
 * The step to open, or null for the collective's usual landing. The guide starts only when an invite link is opened on
 * a phone without a family (services.joinFromInvite); a family chosen elsewhere meanwhile means "who are you" is
 * answered, and the later steps need a family to add children or availability to.
 */
export const welcomeStepOf = (progress: WelcomeProgress, me: Pick<DeviceIdentity, 'familyId'>): WelcomeStep | null => {
  if (progress === null || progress === 'done') return null
  if (progress === 'famille') return me.familyId === null ? 'famille' : null
  return me.familyId === null ? null : progress
}

/** Where the guide goes once `step` is finished or skipped; skipping the family step without a family ends it. */
export const nextWelcomeStep = (step: WelcomeStep, me: Pick<DeviceIdentity, 'familyId'>): Exclude<WelcomeProgress, null> => {
  if (step === 'famille') return me.familyId === null ? 'done' : 'enfants'
  return step === 'enfants' ? 'disponibilites' : 'done'
}
