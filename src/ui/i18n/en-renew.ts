// English text of "Renew the invitation" (same keys as fr-renew.ts).
import type { frRenew } from './fr-renew.ts'

export const enRenew: Readonly<Record<keyof typeof frRenew, string>> = {
  'renew.title': 'Renew the invitation',
  'renew.explain': 'Do this if a phone is lost or a family has left the collective: the old links open nothing any more, at once, and the relay deletes the old copy. Then send a new link to every family. A person removed keeps what they had already downloaded.',
  'renew.button': 'Renew the invitation',
  'renew.confirm': 'Create a new link and close the old one? Every family will need the new link.',
  'renew.yes': 'Yes, renew',
  'renew.progress': 'Copying the collective to the relay, then closing the old link… Keep this page open.',
  'renew.done': 'Invitation renewed: send this new link to every family.',
  'renew.error.offline': 'Offline: renewing needs a connection to the relay. Try again once connected.',
  'renew.error.notSynced': 'Some changes are not on the relay yet (or the copy could not be sent there). Nothing changed: try again in a moment.',
  'renew.error.relayRefused': 'The relay did not close the old link: nothing changed, the collective goes on with its current link. Try again later.',
  'renew.error.relayUnreachable': 'The relay did not answer. A copy of the collective is kept in “My collectives”: if the old link shows “collective renewed”, use the copy and send its invitation link. Otherwise nothing changed: try again later, then remove the copy from this phone.',
  'renew.error.storageUnavailable': 'This phone’s storage is unavailable: the copy could not be written. Nothing changed.',
}
