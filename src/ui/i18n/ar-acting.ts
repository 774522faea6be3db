// Arabic texts of the "at their request" banner and the "First steps" link: every key of fr-acting.ts.
import type { frActing } from './fr-acting.ts'

export const arActing: Readonly<Record<keyof typeof frActing, string>> = {
  'firstSteps.link': 'الخطوات الأولى',
  'acting.banner': 'أنت تتصرف نيابة عن {family}، بطلب منها.',
  'acting.bannerLabel': 'وضع «بطلب منها»',
  'acting.print': 'طباعة رحلاتها',
  'acting.stop': 'إنهاء',
  'acting.stopped': 'انتهى: هذا الهاتف لك من جديد.',
}
