// Arabic texts the first screens show from areas whose own screens load later: every key of fr-shared.ts.
import type { frShared } from './fr-shared.ts'

export const arShared: Readonly<Record<keyof typeof frShared, string>> = {
  // from ar-manage.ts
  'manage.links.title': 'تنظيم حافلة المشي',
  'manage.links.lines': 'الخطوط والمحطات',
  'manage.links.families': 'العائلات والبالغون والأطفال',
  'manage.links.calendar': 'التقويم: الإلغاءات والعطل',
  'manage.links.settings': 'إعدادات المجموعة',
  'manage.links.setup': 'البدء خطوة بخطوة',
  // links to the issue 17 screens (ar-help.ts, ar-meetings.ts)
  'help.nav': 'مساعدة متبادلة بين العائلات',
  'meetings.nav': 'لقاءات المجموعة',
  // link to the partner links screen (fr-partners.ts, issue 18)
  'partners.link': 'روابط الشركاء',
  'manage.kind.profile': 'ملف المجموعة',
  'manage.kind.settings': 'إعدادات المجموعة',
  'manage.kind.family': 'عائلة',
  'manage.kind.adult': 'شخص بالغ',
  'manage.kind.child': 'طفل',
  'toCheck.supportConsent': 'تعليمات مرافقة أو «يُحتسب مرتين» من دون موافقة عائلة الطفل (ربما كتبتها نسخة قديمة من التطبيق؟): أصلحوها بموافقة العائلة، أو احذفوها.',
  'manage.kind.line': 'خط',
  'manage.kind.stop': 'محطة',
  'manage.kind.exception': 'إلغاء',
  'manage.kind.holiday': 'عطل مستوردة',
  'manage.kind.holidayOverride': 'تصحيح العطل المدرسية',
  'manage.kind.signUp': 'تسجيل في رحلة',
  'manage.kind.offer': 'عرض بديل أو تبادل',
  'manage.kind.swapResponse': 'ردّ على عرض',
  'manage.kind.release': 'مكان أُعيد',
  'manage.kind.rosterEntry': 'تسجيل في التنسيق',
  'manage.kind.periodOffer': 'عرض فترة تنسيق',
  'manage.kind.periodResponse': 'ردّ على عرض تنسيق',
  'manage.kind.handoverNote': 'ملاحظة تسليم',
  'manage.kind.handoverAck': 'الاطّلاع على التسليم',
  'manage.kind.absence': 'غياب مُبلَّغ عنه',
  'manage.kind.checkIn': 'تسجيل حضور طفل',
  'manage.kind.walkEvent': 'انطلاق رحلة أو وصولها',
  'manage.kind.walkNote': 'ملاحظة في دفتر الرحلة',
  'manage.kind.availability': 'أوقات تفرّغ شخص بالغ',
  'manage.kind.exemption': 'حصة مخفّضة',
  'manage.kind.meeting': 'اجتماع المجموعة',
  'manage.kind.meetingReply': 'ردّ عائلة على اجتماع',
  'manage.kind.guestName': 'اسم طفل ضيف',
  'manage.kind.helpRequest': 'مساعدة (طلب أو عرض)',
  'manage.kind.helpAnswer': 'ردّ «أستطيع» على طلب مساعدة',
  'manage.kind.helpKind': 'نوع مساعدة في المجموعة',
  'manage.kind.pair': 'رحلة بالمشي الثنائي',
  'manage.kind.charter': 'ميثاق المجموعة',
  'manage.repair.action': 'إصلاح',
  // from ar-absence.ts
  'absence.nav': 'الغيابات',
  'absence.declareLink': 'الإبلاغ عن غياب',
  'absence.walkCount.one': '{n} غياب مُبلَّغ عنه',
  'absence.walkCount.other': 'غيابات مُبلَّغ عنها: {n}',
  // from ar-planning.ts
  'planning.nav.availability': 'أوقات تفرّغي',
  // from ar-print.ts
  'print.link.week': 'طباعة',
  'print.link.weekLabel': 'طباعة أسبوع الخط {line}',
  'print.link.poster': 'طباعة ملصق المحطات',
  // the printable guide (fr-guide.ts), linked from "Plus"
  'guide.screen': 'دليل « إنشاء حافلة مشي »',
  // from ar-privacy.ts
  'privacy.link': 'بياناتكم: من يرى ماذا',
  // from ar-renew.ts
  'generation.archive': 'أرشيف سنة {year}: للقراءة فقط.',
  'generation.archiveOfPast': 'أرشيف سنة ماضية: للقراءة فقط.',
  'generation.followed': 'انتقلت المجموعة إلى السنة الجديدة: يمكن الاطّلاع على السنة الماضية من إعداداتها.',
  'generation.goLive': 'الذهاب إلى السنة الحالية',
  'generation.following': 'تنتقل هذه المجموعة إلى السنة الجديدة: ستُفتح فور اتصال هذا الهاتف.',
  'renew.moved': 'جُدّدت هذه المجموعة: اطلبوا رابط الدعوة الجديد من إحدى عائلات المجموعة. ما لم يُرسله هذا الهاتف بعد سيُنقل عند فتحها. وحتى ذلك الحين يمكنكم الاطّلاع على البيانات، لكن لا يمكنكم تعديلها.',
}
