// English texts the first screens show from areas whose own screens load later: every key of fr-shared.ts.
import type { frShared } from './fr-shared.ts'

export const enShared: Readonly<Record<keyof typeof frShared, string>> = {
  // from en-manage.ts
  'manage.links.title': 'Organise the walking bus',
  'manage.links.lines': 'Lines and stops',
  'manage.links.families': 'Families, adults and children',
  'manage.links.calendar': 'Calendar: cancellations and holidays',
  'manage.links.settings': 'Collective settings',
  'manage.links.setup': 'Guided set-up',
  'manage.kind.profile': 'Collective profile',
  'manage.kind.settings': 'Collective settings',
  'manage.kind.family': 'Family',
  'manage.kind.adult': 'Adult',
  'manage.kind.child': 'Child',
  'manage.kind.line': 'Line',
  'manage.kind.stop': 'Stop',
  'manage.kind.exception': 'Cancellation',
  'manage.kind.holiday': 'Imported holidays',
  'manage.kind.holidayOverride': 'School holiday correction',
  'manage.kind.signUp': 'Sign-up for a walk',
  'manage.kind.offer': 'Replacement or trade offer',
  'manage.kind.swapResponse': 'Answer to an offer',
  'manage.kind.release': 'Released slot',
  'manage.kind.rosterEntry': 'Coordinator roster entry',
  'manage.kind.periodOffer': 'Coordinator period offer',
  'manage.kind.periodResponse': 'Answer to a coordinator period offer',
  'manage.kind.handoverNote': 'Handover note',
  'manage.kind.handoverAck': 'Handover acknowledgement',
  'manage.kind.absence': 'Declared absence',
  'manage.kind.checkIn': 'Child check-in',
  'manage.kind.walkEvent': 'Walk departure or arrival',
  'manage.kind.walkNote': 'Walk logbook note',
  'manage.kind.availability': 'An adult’s availability',
  'manage.kind.exemption': 'Reduced share',
  'manage.kind.meeting': 'Collective meeting',
  'manage.kind.meetingReply': 'A family’s answer to a meeting',
  'manage.repair.action': 'Repair',
  // from en-absence.ts
  'absence.nav': 'Absences',
  'absence.declareLink': 'Report an absence',
  'absence.walkCount.one': '{n} absence reported',
  'absence.walkCount.other': '{n} absences reported',
  // from en-planning.ts
  'planning.nav.availability': 'My availability',
  // from en-print.ts
  'print.link.week': 'Print',
  'print.link.weekLabel': 'Print the week of line {line}',
  'print.link.poster': 'Print the stop poster',
  // from en-privacy.ts
  'privacy.link': 'Your data: who sees what',
  // from en-renew.ts
  'generation.archive': 'Archive of the year {year}: read-only.',
  'generation.archiveOfPast': 'Archive of a past year: read-only.',
  'generation.goLive': 'Go to the current year',
  'generation.following': 'This collective is moving to the new year: it opens as soon as this phone is connected.',
  'renew.moved': 'This collective was renewed: ask a family of the collective for the new invitation link. You can still view the data, but no longer change it.',
}
