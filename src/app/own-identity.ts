// The phone's own identity in a collective while it may be acting for another family (issue 18; acting.ts): types
// only, so the services of the first visit can read it without the session's code.
import type { ReadableStore } from '../lib/store.ts'
import type { ActingSession, DeviceIdentity } from './api.ts'

/** The phone's own family and adult, whether or not it is acting for a family (a renewal carries these, never those). */
export const ownIdentityOf = (session: Pick<ActingSession, 'acting'> & { readonly me: ReadableStore<DeviceIdentity> }): DeviceIdentity => {
  const acting = session.acting.get()
  const me = session.me.get()
  return acting === null ? me : { actorId: me.actorId, familyId: acting.byFamilyId, adultId: acting.byAdultId }
}
