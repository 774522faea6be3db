// The one door for personal fields (family names, later phones and notes): sealing (encryption) goes here.
//
// Identity for now. Every write of a personal field calls sealPersonal and every read calls
// openPersonal, so adding encryption later changes this file only (plus a migration).

/** What is stored in the document for a personal text field. */
export const sealPersonal = (text: string): unknown => text

/** The stored value back to what the domain schema validates (unknown: the document is untrusted). */
export const openPersonal = (stored: unknown): unknown => stored
