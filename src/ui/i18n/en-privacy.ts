// English text of "Your data" (same keys as fr-privacy.ts).
import type { frPrivacy } from './fr-privacy.ts'

export const enPrivacy: Readonly<Record<keyof typeof frPrivacy, string>> = {
  'privacy.title': 'Your data',
  'privacy.intro': 'Pédibus Coop keeps only what it needs to organise the walks. Here is where that information is, who can see it and how to leave.',

  'privacy.phone.title': 'On this phone',
  'privacy.phone.copy': 'Each collective you joined is copied in full to this phone, so it works with no signal: the families, the adults’ first names and phone numbers, the children and their support instructions, the walks, the absences and the notes.',
  'privacy.phone.device': 'This phone also keeps the invite link (it is the collective’s key), the family you chose and the language. No account, no password, no advertising, no audience measurement.',
  'privacy.phone.lock': 'Lock your phone: whoever opens it sees the collective.',
  'privacy.phone.forget': '“Remove from this phone”, in My collectives, erases this copy.',
  'privacy.phone.forgetLink': 'My collectives',

  'privacy.relay.title': 'On the relay',
  'privacy.relay.what': 'The relay is a small server that passes changes from one phone to another and keeps a copy. It may be run by the town hall, the association or a volunteer.',
  'privacy.relay.sealed': 'Names, phone numbers, support instructions and notes are encrypted on the phone before they are sent: the relay cannot read them.',
  'privacy.relay.clear': 'The relay sees what it needs to sync: random ids, dates, which places are taken, and the IP address of connected phones. The relay does not write these IP addresses in its logs; the web server in front of it may keep them for a while.',
  'privacy.relay.places': 'The relay can also read the names of the collective, school and town, and the lines and stops (names, times, access): places, not people.',
  'privacy.relay.key': 'The key is in the invite link, after the “#” sign: that part is never sent to the relay.',

  'privacy.who.title': 'Who sees what',
  'privacy.who.members': 'Every family of the collective sees: the families’ names, the adults’ first names and phone numbers, the children’s first names and initials, their stops, days and support instructions, who walks when, absences with their reason, check-ins, the logbook and the coordination handover notes.',
  'privacy.who.link': 'Anyone with the invite link can join the collective and see everything: send it only to the walking bus families.',
  'privacy.who.health': 'For support instructions and absence reasons, write what the adult should do (“hold her hand at crossings”), not a diagnosis or a health detail.',
  'privacy.who.fairness': 'Each adult’s availability (days, walks, dates) and reduced shares are visible to every family, and readable by the relay since they hold no names. A reduced share never asks for a reason.',
  'privacy.who.minimum': 'For children, only the first name and the initial of the family name: no birth date, no address, no photo.',

  'privacy.outside.title': 'What leaves the app',
  'privacy.outside.print': 'Printed sheets (week, stop poster, check-in sheet, emergency card) carry first names, support instructions and phone numbers. Keep them with you during the walk, then destroy them.',
  'privacy.outside.ics': 'The calendar file (.ics) holds your walks, the lines, the stops and adults’ first names, with no child’s name and no phone number. Once imported, it follows your calendar app’s rules.',
  'privacy.outside.export': 'An export file (JSON or CSV) holds the data in clear, unencrypted: store it like a paper file and delete it once it is no longer needed.',

  'privacy.leave.title': 'Leaving',
  'privacy.leave.how': 'On your family’s page, “Leave the collective” removes your family and your children for everyone. Another family can also remove a family that left.',
  'privacy.leave.familyLink': 'My family’s page',
  'privacy.leave.pickCollective': 'Open the collective first, then your family’s page.',
  'privacy.leave.then': 'Then “Remove from this phone” erases the copy on this phone.',
  'privacy.leave.keeps': 'Note: a person who leaves the collective, or is removed from it, keeps what their phone had already received, and any printed sheets. The app cannot erase someone else’s phone.',
  'privacy.leave.stillOpen': 'Their invite link also stays valid: it still shows the collective’s new changes. To close the door to a person who left or to a lost phone, renew the invitation (the “Invite” page) and send the new link to the families.',

  'privacy.rights.title': 'Your rights',
  'privacy.rights.text': 'You see everything the collective knows about your family, you can correct it on your family’s page and delete it by leaving the collective. For any question, ask the association or collective that runs the walking bus.',

  'privacy.back': 'Back to the collective',
}
