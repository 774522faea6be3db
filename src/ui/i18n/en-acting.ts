// English texts of the "at their request" banner and the "First steps" link: every key of fr-acting.ts.
import type { frActing } from './fr-acting.ts'

export const enActing: Readonly<Record<keyof typeof frActing, string>> = {
  'firstSteps.link': 'First steps',
  'acting.banner': 'You are acting for {family}, at their request.',
  'acting.bannerLabel': '“At their request” mode',
  'acting.print': 'Print their walks',
  'acting.stop': 'Finish',
  'acting.stopped': 'Finished: this phone is yours again.',
}
