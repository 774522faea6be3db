// Reads the invite fragment out of whatever a parent pasted: a full link, a link without scheme, or the bare fragment.

/** Returns `#...` (the part of an invite link the browser never sends to a server), or null when there is none. */
export const inviteFragmentOf = (pasted: string): string | null => {
  const text = pasted.trim()
  const hash = text.indexOf('#')
  if (hash >= 0) return text.length > hash + 1 ? text.slice(hash) : null
  // Some messaging apps cut links at '#'; accept a bare "r=...&i=..." (or an earlier version's "r=...&s=...") too.
  return /(^|&)r=/.test(text) ? `#${text}` : null
}
