// English interface text: must cover every key of the French reference (checked by the compiler and a unit test).
import { enManage } from './en-manage.ts'
import { enRota } from './en-rota.ts'
import { enCoordination } from './en-coordination.ts'
import { enWalk } from './en-walk.ts'
import { enPrint } from './en-print.ts'
import { enAgenda } from './en-agenda.ts'
import { enAbsence } from './en-absence.ts'
import { enMeetings } from './en-meetings.ts'
import { enPartners } from './en-partners.ts'
import { enConsent } from './en-consent.ts'
import { enPrivacy } from './en-privacy.ts'
import { enExport } from './en-export.ts'
import { enLeave } from './en-leave.ts'
import { enRenew } from './en-renew.ts'
import { enYear } from './en-year.ts'
import { enPlanning } from './en-planning.ts'
import { enWelcome } from './en-welcome.ts'
import { enHelp } from './en-help.ts'
import { enCharter } from './en-charter.ts'
import { enTemplate } from './en-template.ts'
import { enGuide } from './en-guide.ts'
import { enFirstSteps } from './en-first-steps.ts'
import { enActing } from './en-acting.ts'
import type { frCore } from './fr-core.ts'
import type { Messages } from './fr.ts'
import { enShared } from './en-shared.ts'

const enCore: Readonly<Record<keyof typeof frCore, string>> = {
  'app.name': 'Pédibus Coop',
  'app.skipLink': 'Skip to content',
  'app.loading': 'Loading…',
  'nav.label': 'Main navigation',
  'nav.collectives': 'Collectives',
  'nav.settings': 'Settings',
  'nav.bottom': 'The collective’s walking bus',
  'nav.more': 'More',

  'form.required': 'This field is required.',
  'form.tooLong': 'This text is too long.',
  'form.tooLongMax': 'This text is too long: {max} characters at most.',
  'form.maxLength': '{max} characters at most',
  'form.count': '{count} / {max}',
  'form.countLeft': '{count} characters of {max}.',
  'form.countOver': '{over} characters too many.',
  'form.noPhone': 'No number',
  'form.invalidCharacters': 'This text contains characters that are not allowed.',
  'form.dateOutOfRange': 'Choose a date between 2020 and 2099.',
  'form.unknownError': 'This value is not accepted.',
  'form.cancel': 'Cancel',
  'form.save': 'Save',

  'welcome.title': 'Welcome to Pédibus Coop',
  'welcome.intro': 'Organise the school walking bus between families. Everything is saved on this phone and works even without signal.',
  'welcome.createTitle': 'Starting the walking bus?',
  'welcome.createText': 'Create the collective, then send the invite link to the other families.',
  'welcome.create': 'Create a collective',
  'welcome.joinTitle': 'Invited by a family?',
  'welcome.joinText': 'Open the invite link you received, or paste it here.',
  'welcome.join': 'Join',

  'create.title': 'Create a collective',
  'create.intro': 'All families of the collective will see this information.',
  'create.submit': 'Create the collective',
  'create.place': 'Postcode',
  'create.placeHint': 'The school’s, for its zone’s school holidays. A département number is enough (35, 2A, 974).',
  'create.placeUnknown': 'Postcode not recognised: 5 digits, for example 35000.',
  'create.placeFound': 'Académie de {academy}: zone {zone}.',
  'create.zone': 'School holiday zone',
  'create.zoneHint': 'Chosen from the postcode. You can change it later in the collective’s settings.',
  'create.zoneOption': 'Zone {zone}',
  'create.ownCalendar': 'Académie de {academy}: its school calendar is its own, and the app does not know it. After creating the collective, import it (Calendar, “Import a calendar (.ics)”): until then, walks stop only on public holidays.',
  'profile.name': 'Collective name',
  'profile.nameHint': 'For example: Squirrels walking bus',
  'profile.school': 'School',
  'profile.town': 'Town',

  'join.title': 'Join a collective',
  'join.explain': 'To join a collective, open the invite link another family sent you (text message, e-mail or chat). You can also scan its QR code with the camera, or paste the link below.',
  'join.linkLabel': 'Invite link',
  'join.submit': 'Join the collective',
  'join.joining': 'Opening the collective…',
  'join.invalidLink': 'This invite link is not valid. Check that it is complete, or ask for a new one.',
  'join.invitationExpired': 'This invitation has expired or was removed: ask a family of the collective for a new link.',
  'join.offline': 'No connection: opening an invitation needs the relay. Try again once online.',
  'join.storageUnavailable': 'Cannot save on this phone. Check that private browsing is off and that there is free space.',

  'home.profileTitle': 'The collective',
  'home.school': 'School',
  'home.town': 'Town',
  'home.rename': 'Rename',
  'home.renameTitle': 'Rename the collective',
  'home.waitingProfile': 'Fetching the collective’s details… They will appear as soon as this phone is connected.',
  'home.invite': 'Invite a family',
  'home.notFound': 'This collective is not on this phone.',
  'home.saved': 'Changes saved.',

  'families.title': 'Families',
  'families.empty': 'No family yet. Add yours!',
  'families.count.one': '{n} family',
  'families.count.other': '{n} families',
  'families.addLabel': 'Family name',
  'families.addHint': 'For example: Martin family',
  'families.add': 'Add the family',
  'families.added': 'Added: {name}.',
  'families.rename': 'Rename',
  'families.renameLabel': 'New name for the family “{name}”',
  'families.renamed': 'New name: {name}.',
  'families.remove': 'Remove',
  'families.removeConfirm': 'Remove the family “{name}” from the collective?',
  'families.removeYes': 'Yes, remove',
  'families.removed': 'Removed from the collective: {name}.',

  'toCheck.title': 'To check',
  'toCheck.intro': 'These items of the collective are unreadable or incomplete (perhaps written by another version of the app).',
  'toCheck.delete': 'Delete',
  'toCheck.deleteConfirm': 'Delete this item for good, for every family?',
  'toCheck.deleteYes': 'Yes, delete',
  'toCheck.familyRemoved': 'Its family was removed from the collective (on another phone): delete it.',
  'toCheck.deleted': 'Item deleted.',
  'toCheck.damagedPart': 'This whole part of the collective is damaged: it cannot be repaired from this phone. Everything else works; tell whoever runs the relay.',

  'invite.title': 'Invite a family',
  'invite.intro': 'Create an invite link and send it to the families of the collective, or let them scan its QR code. While it is valid, anyone with this link can join the collective: do not publish it.',
  'invite.linkLabel': 'Invite link',
  'invite.qrAlt': 'QR code of the invite link to the collective “{name}”',
  'invite.qrAltUnnamed': 'QR code of the invite link to the collective',
  'invite.copy': 'Copy the link',
  'invite.copied': 'Link copied.',
  'invite.copyFailed': 'Cannot copy: select the link and copy it by hand.',
  'invite.share': 'Share',
  'invite.shareTitle': 'Join the walking bus',
  'invite.shareText': 'Here is the link to join our walking bus collective:',
  'invite.done': 'Back to the collective',
  'invite.validityLegend': 'How long the link is valid',
  'invite.validity.1': '1 day',
  'invite.validity.7': '7 days',
  'invite.validity.30': '30 days',
  'invite.validityHint': 'After that, the link opens nothing, even when found in a browser’s history. A family that has already joined keeps the collective.',
  'invite.create': 'Create an invite link',
  'invite.creating': 'Creating the link…',
  'invite.validUntil': 'Valid until {date}.',
  'invite.error.offline': 'No connection: an invite link is created with the relay. Try again once online.',
  'invite.error.refused': 'The relay refused to create this link (collective renewed or archived?). Reload the page.',
  'invite.error.tooMany': 'Too many links are still valid: remove the ones no longer needed, then try again.',
  'invite.openTitle': 'Links still valid',
  'invite.openNone': 'No valid link at the moment.',
  'invite.openUnknown': 'The list of links needs a connection to the relay.',
  'invite.openItem': 'Created on {created}, valid until {expires}',
  'invite.revoke': 'Remove this link',
  'invite.revoked': 'Link removed: it opens nothing now.',
  'invite.legacyNote': 'Links sent before December 2026 held the collective’s key and do not expire: to close them, renew the invitation below.',

  'collectives.title': 'My collectives',
  'collectives.intro': 'The collectives saved on this phone.',
  'collectives.current': '(shown)',
  'collectives.unnamed': 'Unnamed collective',
  'collectives.forget': 'Remove from this phone',
  'collectives.forgetConfirm': 'Remove “{name}” from this phone? The other families keep it; you will need an invite link to get it back.',
  'collectives.forgetYes': 'Yes, remove',
  'collectives.forgotten': '“{name}” was removed from this phone.',
  'collectives.add': 'Add a collective',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.french': 'Français',
  'settings.english': 'English',

  'status.label': 'Save status',
  'status.loading': 'Opening the collective on this phone…',
  'status.savedLocal': 'Saved on this phone',
  'status.allOnRelay': 'Everything is on the relay',
  'status.pending.one': '{n} change waiting',
  'status.pending.other': '{n} changes waiting',
  'status.offlineSince': 'Offline since {time}',
  'status.offline': 'Offline',
  'status.refused': 'Invite refused by the relay',
  'status.localError': 'Error while saving on this phone',
  'status.rebuilding': 'Bringing this phone back in step with the relay…',
  'status.roomFull': 'The collective has reached its size limit on the relay: changes stay on this phone. Tell whoever hosts the relay.',
  'status.quotaExceeded': 'Phone storage full: the latest changes may not be saved on this phone. Free some space (photos, apps).',
  'status.storageUnavailable': 'Cannot save on this phone (private browsing?). Changes are sent to the relay while the page stays open.',

  'update.available': 'New version available',
  'update.reload': 'Reload',
  'update.waiting': 'Saving in progress…',

  'error.unexpected': 'Something unexpected went wrong. Your data is on this phone; if it happens again, reload the page.',
  'error.storageUnavailable': 'Cannot save on this phone (private browsing or storage full?).',
  'error.dismiss': 'Close this message',
  'notice.dismiss': 'Hide this message',
  'notice.dismissToast': 'Close the notification',
  'error.screen.title': 'This screen could not be shown',
  'error.screen.body': 'Something unexpected stopped it. Your data is on this phone: you can try again or go back; if it happens again, reload the page.',
  'error.screen.retry': 'Try again',
  'error.screen.home': 'Back to the home page',
  'error.screen.collective': 'Back to the collective',
  'removal.notFound': 'Already removed on another phone: nothing changed here.',

  'notFound.title': 'Page not found',
  'notFound.back': 'Back to the start',
}

export const en: Messages = { ...enCore, ...enShared, ...enRota, ...enManage, ...enCoordination, ...enWalk, ...enPrint, ...enAgenda, ...enAbsence, ...enMeetings, ...enPartners, ...enPrivacy, ...enExport, ...enLeave, ...enRenew, ...enYear, ...enPlanning, ...enWelcome, ...enConsent, ...enHelp, ...enGuide, ...enFirstSteps, ...enActing, ...enCharter, ...enTemplate }
