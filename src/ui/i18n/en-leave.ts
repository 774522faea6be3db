// English text of "Leave the collective" (same keys as fr-leave.ts).
import type { frLeave } from './fr-leave.ts'

export const enLeave: Readonly<Record<keyof typeof frLeave, string>> = {
  'leave.title': 'Leave the collective',
  'leave.explain': 'Your family, its adults and its children are removed from the collective, then this phone forgets the collective.',
  'leave.erasure': 'Your data is erased from the phones and the relay at their next sync; someone who has already seen it may remember it.',
  'leave.removeErasure': 'Their data is erased from the phones and the relay at their next sync; someone who has already seen it may remember it.',
  'leave.button': 'Leave the collective',
  'leave.confirm': 'Remove the family “{name}” and leave the collective?',
  'leave.yes': 'Yes, leave',
  'leave.sending': 'Sending your departure to the relay…',
  'leave.offline': 'Offline: your departure goes to the relay as soon as the network is back. Keep this page open.',
  'leave.refused': 'The relay refuses this invitation: your departure cannot reach it. You can still forget the collective on this phone.',
  'leave.forgetAnyway': 'Forget the collective on this phone',
  'leave.done': 'You left the collective {name}.',
}
