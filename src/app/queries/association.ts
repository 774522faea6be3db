// Who answers for the collective's data, as "Vos données" shows it: the association's name and contact (settings).
import { isEmailAddress, type Settings } from '../../domain/settings.ts'

export interface AssociationContact {
  /** The association's name; null when the collective has not filled it in. */
  readonly name: string | null
  /** Its contact as typed; null when not filled in. */
  readonly contact: string | null
  /** `mailto:` address when the contact is an e-mail address (the settings refuse one that says more), else null. */
  readonly mailto: string | null
}

/** The association responsible for the data; null when the collective filled in neither its name nor a contact. */
export const associationOf = (
  settings: Pick<Settings, 'associationName' | 'associationContact'>,
): AssociationContact | null => {
  const name = settings.associationName.trim()
  const contact = settings.associationContact.trim()
  if (name === '' && contact === '') return null
  return {
    name: name === '' ? null : name,
    contact: contact === '' ? null : contact,
    mailto: contact !== '' && isEmailAddress(contact) ? `mailto:${contact}` : null,
  }
}
