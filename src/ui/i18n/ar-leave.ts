// Arabic text of "Leave the collective" (same keys as fr-leave.ts).
import type { frLeave } from './fr-leave.ts'

export const arLeave: Readonly<Record<keyof typeof frLeave, string>> = {
  'leave.title': 'مغادرة المجموعة',
  'leave.explain': 'تُزال عائلتكم وبالغوها وأطفالها من المجموعة، ثم ينسى هذا الهاتف المجموعة.',
  'leave.erasure': 'تُمحى بياناتكم من الهواتف ومن الخادم الوسيط عند مزامنتها التالية؛ وقد يتذكّرها شخص سبق أن رآها.',
  'leave.removeErasure': 'تُمحى بياناتهم من الهواتف ومن الخادم الوسيط عند مزامنتها التالية؛ وقد يتذكّرها شخص سبق أن رآها.',
  'leave.button': 'مغادرة المجموعة',
  'leave.confirm': 'إزالة عائلة «{name}» ومغادرة المجموعة؟',
  'leave.yes': 'نعم، مغادرة',
  'leave.sending': 'جارٍ إرسال مغادرتكم إلى الخادم الوسيط…',
  'leave.offline': 'لا يوجد اتصال: ستُرسَل مغادرتكم إلى الخادم الوسيط فور عودة الشبكة. أبقوا هذه الصفحة مفتوحة.',
  'leave.refused': 'يرفض الخادم الوسيط هذه الدعوة: لا يمكن أن تصل إليه مغادرتكم. يمكنكم مع ذلك نسيان المجموعة على هذا الهاتف.',
  'leave.forgetAnyway': 'نسيان المجموعة على هذا الهاتف',
  'leave.done': 'غادرتم المجموعة {name}.',
}
