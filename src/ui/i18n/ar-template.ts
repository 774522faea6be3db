// Arabic texts of templates (issue 18): "Exporter comme modèle" (settings screen) and "Créer à partir d'un modèle".
import type { frTemplate } from './fr-template.ts'

export const arTemplate: Readonly<Record<keyof typeof frTemplate, string>> = {
  'template.export': 'التصدير كنموذج',
  'template.exportHint': 'الخطوط والمحطات والمواعيد وملاحظات الوصول والإعدادات وأنواع المساعدة والميثاق، لكي تنطلق مجموعة أخرى من تنظيمكم. لا عائلة ولا بالغ ولا طفل ولا تسجيل ولا ملاحظة: يمكن مشاركة هذا الملف.',

  'template.createTitle': 'الإنشاء انطلاقًا من نموذج',
  'template.createIntro': 'أعطتكم مجموعة أخرى نموذجها (ملف «modele-pedibus-….json»)؟ تأخذ المجموعة الجديدة خطوطه ومحطاته ومواعيده وإعداداته وميثاقه. أنتم تختارون الاسم، وسيكون لها رابط دعوة خاص بها.',
  'template.file': 'ملف النموذج (.json)',
  'template.reading': 'جارٍ قراءة النموذج…',
  'template.found': 'نموذج صُدِّر في {date}. خطوطه:',
  'template.foundCharter': 'يحتوي على ميثاق.',
  'template.noLine': 'لا يحتوي هذا النموذج على أي خط: ستؤخذ إعداداته وميثاقه فقط.',
  'template.foundLine': '{name} — المحطات: {stops}',
  'template.submit': 'إنشاء المجموعة انطلاقًا من النموذج',
  'template.error.tooBig': 'هذا الملف كبير جدًا ليكون نموذجًا. لم يُنشأ شيء.',
  'template.error.notATemplate': 'هذا الملف ليس نموذج مجموعة. اختاروا ملف «modele-pedibus-….json» الناتج عن «التصدير كنموذج». لم يُنشأ شيء.',
  'template.error.wrongVersion': 'هذا النموذج من إصدار آخر من التطبيق لا يستطيع هذا الإصدار قراءته. حدّثوا التطبيق أو اطلبوا نموذجًا جديدًا. لم يُنشأ شيء.',
  'template.error.invalidLine': 'الخط رقم {line} في هذا النموذج تالف (الاسم أو اللون أو الأيام أو مواعيد محطة). لم يُنشأ شيء: اطلبوا نموذجًا جديدًا.',
  'template.error.invalidTemplate': 'هذا النموذج تالف (الإعدادات أو أنواع المساعدة أو الميثاق). لم يُنشأ شيء: اطلبوا نموذجًا جديدًا.',
  'template.error.unreadable': 'تعذّرت قراءة هذا الملف. لم يُنشأ شيء.',
  'template.error.storageUnavailable': 'التخزين في هذا الهاتف غير متاح. لم يُنشأ شيء. وفّروا مساحة أو اخرجوا من التصفح الخاص ثم أعيدوا المحاولة.',
}
