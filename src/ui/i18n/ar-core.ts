// Arabic text of the app shell and the screens without an area of their own: every key of fr-core.ts.
//
// Glossary shared by every ar-*.ts module (keep these words everywhere, so the screens read as one app):
//   pédibus: حافلة المشي (a screen's first mention may say حافلة المشي المدرسية); brand "Pédibus Coop" untranslated
//   collectif: المجموعة · famille: العائلة · adulte: الشخص البالغ · enfant: الطفل · parent: وليّ الأمر
//   trajet: الرحلة · ligne: الخط · arrêt: المحطة · aller / retour: ذهاب / عودة
//   départ / arrivée: الانطلاق / الوصول · créneau, place on a walk: المكان · à pourvoir: شاغر
//   complet: مكتمل · urgent: عاجل · annulé: ملغاة (a walk) · liste d'attente: قائمة الانتظار
//   inscription, s'inscrire: التسجيل · se retirer: الانسحاب · C'est noté: تمّ
//   conducteur: قائد المسير · serre-file: مُغلِق الصف · accompagnant: مرافق · compte double: «يُحتسب مرتين»
//   échange: تبادل · remplaçant: بديل · offre: عرض · demande: طلب
//   coordination: التنسيق · coordinateur: المنسّق · coordonner: تتولّى التنسيق
//   période (of coordination): الفترة · rotation: التناوب · passation: التسليم
//   passer le témoin: تسليم المهمة · binôme: المشي الثنائي
//   Coups de main: مساعدة متبادلة · un coup de main: مساعدة (طلب مساعدة / عرض مساعدة)
//   rencontre: لقاء · réunion: اجتماع · assemblée: جمعية المجموعة · charte: الميثاق
//   relais (the sync server): الخادم الوسيط · its host: الشخص الذي يستضيف الخادم الوسيط
//   téléphone: الهاتف · lien d'invitation: رابط الدعوة · planning: الجدول
//   journal: سجلّ المجموعة · carnet de bord: دفتر الرحلة
//   pointer (check a child in): تسجيل الحضور · présent / absent / excusé: حاضر / غائب / غائب بعذر
//   absence signalée: غياب مُبلَّغ عنه · vacances scolaires: العطلة المدرسية · jour férié: عطلة رسمية
//   Réglages: الإعدادات · Paramètres du collectif: إعدادات المجموعة · élément à vérifier: عنصر للمراجعة
// Style: short, warm sentences; address the reader in the plural (اختاروا، عائلتكم), which is gender-neutral.
// A first name as subject: prefer noun phrases or the passive ("تمّ: {taker} بدلًا من {name}"), since a verb
// would have to guess a gender; a family as subject takes feminine verbs (العائلة).
// Arabic punctuation (، ؛ ؟) and «» quotes; digits written 0-9, like the placeholders (formats.ts: nu-latn).
// Counts: the keys carry only "one" and "other" (pluralKey: "one" for 1 only) while Arabic has more forms, so a
// count is worded as a label that reads right for any number ("الأطفال: {n}", "رحلات ({n})").

import type { frCore } from './fr-core.ts'

export const arCore: Readonly<Record<keyof typeof frCore, string>> = {
  'app.name': 'Pédibus Coop',
  'app.skipLink': 'الانتقال إلى المحتوى',
  'app.loading': 'جارٍ التحميل…',
  'nav.label': 'التنقّل الرئيسي',
  'nav.collectives': 'المجموعات',
  'nav.settings': 'الإعدادات',
  'nav.bottom': 'حافلة المشي الخاصة بالمجموعة',
  'nav.more': 'المزيد',

  'form.required': 'هذا الحقل مطلوب.',
  'form.tooLong': 'هذا النص طويل جدًا.',
  'form.tooLongMax': 'هذا النص طويل جدًا: الحد الأقصى للأحرف {max}.',
  'form.maxLength': 'الحد الأقصى للأحرف: {max}',
  'form.count': '{count} / {max}',
  'form.countLeft': 'الأحرف: {count} من {max}.',
  'form.countOver': 'عدد الأحرف الزائدة: {over}.',
  'form.noPhone': 'لا يوجد رقم',
  'form.invalidCharacters': 'يحتوي هذا النص على أحرف غير مسموح بها.',
  'form.dateOutOfRange': 'اختاروا تاريخًا بين 2020 و2099.',
  'form.unknownError': 'هذه القيمة غير مقبولة.',
  'form.cancel': 'إلغاء',
  'form.save': 'حفظ',

  'welcome.title': 'مرحبًا بكم في Pédibus Coop',
  'welcome.intro': 'نظّموا حافلة المشي المدرسية بين العائلات. كل شيء يُحفَظ على هذا الهاتف ويعمل حتى من دون شبكة.',
  'welcome.createTitle': 'هل تبدؤون حافلة المشي؟',
  'welcome.createText': 'أنشئوا المجموعة، ثم أرسلوا رابط الدعوة إلى العائلات الأخرى.',
  'welcome.create': 'إنشاء مجموعة',
  'welcome.joinTitle': 'هل دعتكم عائلة؟',
  'welcome.joinText': 'افتحوا رابط الدعوة الذي وصلكم في رسالة، أو الصقوه هنا.',
  'welcome.join': 'الانضمام',

  'create.title': 'إنشاء مجموعة',
  'create.intro': 'ستظهر هذه المعلومات لكل عائلات المجموعة.',
  'create.submit': 'إنشاء المجموعة',
  'create.place': 'الرمز البريدي',
  'create.placeHint': 'رمز المدرسة، لمعرفة العطل المدرسية في منطقتها. يكفي رقم المقاطعة (35، 2A، 974).',
  'create.placeUnknown': 'لم يُتعرَّف على الرمز البريدي: 5 أرقام، مثلًا 35000.',
  'create.placeFound': 'أكاديمية {academy}: المنطقة {zone}.',
  'create.zone': 'منطقة العطل المدرسية',
  'create.zoneHint': 'اختيرت حسب الرمز البريدي. يمكنكم تغييرها لاحقًا في إعدادات المجموعة.',
  'create.zoneOption': 'المنطقة {zone}',
  'create.ownCalendar': 'أكاديمية {academy}: لها تقويم مدرسي خاص لا يعرفه التطبيق. بعد إنشاء المجموعة، استوردوه (التقويم، «استيراد تقويم (.ics)»): وحتى ذلك الحين، لا تتوقف الرحلات إلا في العطل الرسمية.',
  'profile.name': 'اسم المجموعة',
  'profile.nameHint': 'مثلًا: حافلة مشي السناجب',
  'profile.school': 'المدرسة',
  'profile.town': 'البلدة',

  'join.title': 'الانضمام إلى مجموعة',
  'join.explain': 'للانضمام إلى مجموعة، افتحوا رابط الدعوة الذي أرسلته إليكم عائلة أخرى (برسالة نصية أو بريد إلكتروني أو تطبيق مراسلة). يمكنكم أيضًا مسح رمز QR الخاص به بالكاميرا، أو لصق الرابط أدناه.',
  'join.linkLabel': 'رابط الدعوة',
  'join.submit': 'الانضمام إلى المجموعة',
  'join.joining': 'جارٍ فتح المجموعة…',
  'join.invalidLink': 'رابط الدعوة هذا غير صالح. تأكّدوا من أنه كامل، أو اطلبوا رابطًا جديدًا.',
  'join.invitationExpired': 'انتهت صلاحية هذه الدعوة أو سُحبت: اطلبوا رابطًا جديدًا من إحدى عائلات المجموعة.',
  'join.offline': 'لا يوجد اتصال: فتح الدعوة يحتاج إلى الخادم الوسيط. حاولوا مجددًا عند الاتصال بالإنترنت.',
  'join.storageUnavailable': 'تعذّر الحفظ على هذا الهاتف. تأكّدوا من إيقاف التصفّح الخاص ومن وجود مساحة فارغة.',

  'home.profileTitle': 'المجموعة',
  'home.school': 'المدرسة',
  'home.town': 'البلدة',
  'home.rename': 'تغيير الاسم',
  'home.renameTitle': 'تغيير اسم المجموعة',
  'home.waitingProfile': 'جارٍ جلب معلومات المجموعة… ستظهر فور اتصال هذا الهاتف.',
  'home.invite': 'دعوة عائلة',
  'home.notFound': 'هذه المجموعة غير موجودة على هذا الهاتف.',
  'home.saved': 'حُفظت التغييرات.',

  'families.title': 'العائلات',
  'families.empty': 'لا توجد عائلة بعد. أضيفوا عائلتكم!',
  'families.count.one': 'عدد العائلات: {n}',
  'families.count.other': 'عدد العائلات: {n}',
  'families.addLabel': 'اسم العائلة',
  'families.addHint': 'مثلًا: عائلة مارتان',
  'families.add': 'إضافة العائلة',
  'families.added': 'أُضيفت: {name}.',
  'families.rename': 'تغيير الاسم',
  'families.renameLabel': 'الاسم الجديد لعائلة «{name}»',
  'families.renamed': 'الاسم الجديد: {name}.',
  'families.remove': 'إزالة',
  'families.removeConfirm': 'إزالة عائلة «{name}» من المجموعة؟',
  'families.removeYes': 'نعم، إزالة',
  'families.removed': 'أُزيلت من المجموعة: {name}.',

  'toCheck.title': 'للمراجعة',
  'toCheck.intro': 'عناصر المجموعة هذه غير مقروءة أو ناقصة (ربما كتبتها نسخة أخرى من التطبيق).',
  'toCheck.delete': 'حذف',
  'toCheck.deleteConfirm': 'حذف هذا العنصر نهائيًا لكل العائلات؟',
  'toCheck.deleteYes': 'نعم، حذف',
  'toCheck.familyRemoved': 'أُزيلت عائلته من المجموعة (على هاتف آخر): احذفوه.',
  'toCheck.deleted': 'حُذف العنصر.',
  'toCheck.damagedPart': 'هذا الجزء كله من المجموعة تالف: لا يمكن إصلاحه من هذا الهاتف. الباقي يعمل؛ أخبروا الشخص الذي يستضيف الخادم الوسيط.',

  'invite.title': 'دعوة عائلة',
  'invite.intro': 'أنشئوا رابط دعوة وأرسلوه إلى عائلات المجموعة، أو اجعلوها تمسح رمز QR الخاص به. ما دام صالحًا، يستطيع أي شخص لديه هذا الرابط الانضمام إلى المجموعة: لا تنشروه.',
  'invite.linkLabel': 'رابط الدعوة',
  'invite.qrAlt': 'رمز QR لرابط الدعوة إلى مجموعة «{name}»',
  'invite.qrAltUnnamed': 'رمز QR لرابط الدعوة إلى المجموعة',
  'invite.copy': 'نسخ الرابط',
  'invite.copied': 'نُسخ الرابط.',
  'invite.copyFailed': 'تعذّر النسخ: حدّدوا الرابط وانسخوه يدويًا.',
  'invite.share': 'مشاركة',
  'invite.shareTitle': 'الانضمام إلى حافلة المشي',
  'invite.shareText': 'إليكم رابط الانضمام إلى مجموعة حافلة المشي الخاصة بنا:',
  'invite.done': 'العودة إلى المجموعة',
  'invite.validityLegend': 'مدة صلاحية الرابط',
  'invite.validity.1': 'يوم واحد',
  'invite.validity.7': '7 أيام',
  'invite.validity.30': '30 يومًا',
  'invite.validityHint': 'بعد هذه المدة لا يفتح الرابط شيئًا، حتى لو وُجد في سجلّ المتصفّح. العائلة التي انضمّت من قبل تبقى في المجموعة.',
  'invite.create': 'إنشاء رابط دعوة',
  'invite.creating': 'جارٍ إنشاء الرابط…',
  'invite.validUntil': 'صالح حتى {date}.',
  'invite.error.offline': 'لا يوجد اتصال: يُنشأ رابط الدعوة عبر الخادم الوسيط. حاولوا مجددًا عند الاتصال بالإنترنت.',
  'invite.error.refused': 'رفض الخادم الوسيط إنشاء هذا الرابط (هل جُدّدت المجموعة أو أُرشفت؟). أعيدوا تحميل الصفحة.',
  'invite.error.tooMany': 'روابط صالحة كثيرة جدًا: اسحبوا الروابط التي لم تعد لازمة، ثم حاولوا مجددًا.',
  'invite.openTitle': 'الروابط التي ما زالت صالحة',
  'invite.openNone': 'لا يوجد رابط صالح حاليًا.',
  'invite.openUnknown': 'قائمة الروابط تحتاج إلى اتصال بالخادم الوسيط.',
  'invite.openItem': 'أُنشئ في {created}، صالح حتى {expires}',
  'invite.revoke': 'سحب هذا الرابط',
  'invite.revoked': 'سُحب الرابط: لم يعد يفتح شيئًا.',
  'invite.legacyNote': 'الروابط المرسلة قبل ديسمبر 2026 كانت تحتوي على مفتاح المجموعة ولا تنتهي صلاحيتها: لإغلاقها، جدّدوا الدعوة أدناه.',

  'collectives.title': 'مجموعاتي',
  'collectives.intro': 'المجموعات المحفوظة على هذا الهاتف.',
  'collectives.current': '(المعروضة)',
  'collectives.unnamed': 'مجموعة بلا اسم',
  'collectives.forget': 'الإزالة من هذا الهاتف',
  'collectives.forgetConfirm': 'إزالة «{name}» من هذا الهاتف؟ تحتفظ بها العائلات الأخرى؛ وستحتاجون إلى رابط دعوة لاستعادتها.',
  'collectives.forgetYes': 'نعم، إزالة',
  'collectives.forgotten': 'أُزيلت «{name}» من هذا الهاتف.',
  'collectives.add': 'إضافة مجموعة',

  'settings.title': 'الإعدادات',
  'settings.language': 'اللغة',
  // Each language's name stays in that language, so a reader who cannot read Arabic still finds their own.
  'settings.french': 'Français',
  'settings.english': 'English',

  'status.label': 'حالة الحفظ',
  'status.loading': 'جارٍ فتح المجموعة على هذا الهاتف…',
  'status.savedLocal': 'محفوظ على هذا الهاتف',
  'status.allOnRelay': 'كل شيء على الخادم الوسيط',
  'status.pending.one': 'تغييرات في الانتظار: {n}',
  'status.pending.other': 'تغييرات في الانتظار: {n}',
  'status.offlineSince': 'غير متصل منذ {time}',
  'status.offline': 'غير متصل',
  'status.refused': 'رفض الخادم الوسيط الدعوة',
  'status.localError': 'خطأ في الحفظ على هذا الهاتف',
  'status.rebuilding': 'جارٍ التوفيق مع الخادم الوسيط…',
  'status.roomFull': 'بلغت المجموعة حجمها الأقصى على الخادم الوسيط: تبقى التغييرات على هذا الهاتف. أخبروا الشخص الذي يستضيف الخادم الوسيط.',
  'status.quotaExceeded': 'ذاكرة الهاتف ممتلئة: ربما لم تُحفَظ آخر التغييرات على هذا الهاتف. أفرغوا بعض المساحة (صور، تطبيقات).',
  'status.storageUnavailable': 'تعذّر الحفظ على هذا الهاتف (تصفّح خاص؟). تُرسَل التغييرات إلى الخادم الوسيط ما دامت الصفحة مفتوحة.',

  'update.available': 'نسخة جديدة متاحة',
  'update.reload': 'إعادة التحميل',
  'update.waiting': 'جارٍ الحفظ…',

  'error.unexpected': 'حدثت مشكلة غير متوقعة. بياناتكم على هذا الهاتف؛ إن تكرّر ذلك، أعيدوا تحميل الصفحة.',
  'error.storageUnavailable': 'تعذّر الحفظ على هذا الهاتف (تصفّح خاص أو ذاكرة ممتلئة؟).',
  'error.dismiss': 'إغلاق هذه الرسالة',
  'notice.dismiss': 'إخفاء هذه الرسالة',
  'notice.dismissToast': 'إغلاق الإشعار',
  'error.screen.title': 'تعذّر عرض هذه الشاشة',
  'error.screen.body': 'منعتها مشكلة غير متوقعة. بياناتكم على هذا الهاتف: يمكنكم المحاولة مجددًا أو الرجوع؛ إن تكرّر ذلك، أعيدوا تحميل الصفحة.',
  'error.screen.retry': 'المحاولة مجددًا',
  'error.screen.home': 'العودة إلى الصفحة الرئيسية',
  'error.screen.collective': 'العودة إلى المجموعة',
  'removal.notFound': 'أُزيل من قبل على هاتف آخر: لم يتغيّر شيء هنا.',

  'notFound.title': 'الصفحة غير موجودة',
  'notFound.back': 'العودة إلى البداية',
}
