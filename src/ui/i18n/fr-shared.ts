// French texts the first screens show from areas whose own screens load later: links to them, the names of record
// kinds to check, counts on walk cards. Kept here so the first screen needs none of those areas' texts (messages.ts).

export const frShared = {
  // from fr-manage.ts
  'manage.links.title': 'Organiser le pédibus',
  'manage.links.lines': 'Lignes et arrêts',
  'manage.links.families': 'Familles, adultes et enfants',
  'manage.links.calendar': 'Calendrier : annulations et vacances',
  'manage.links.settings': 'Paramètres du collectif',
  'manage.links.setup': 'Mise en route guidée',
  // links to the issue 17 screens (fr-help.ts, fr-meetings.ts)
  'help.nav': 'Coups de main entre familles',
  'meetings.nav': 'Rencontres du collectif',
  // link to the partner links screen (fr-partners.ts, issue 18)
  'partners.link': 'Liens partenaires',
  'manage.kind.profile': 'Profil du collectif',
  'manage.kind.settings': 'Paramètres du collectif',
  'manage.kind.family': 'Famille',
  'manage.kind.adult': 'Adulte',
  'manage.kind.child': 'Enfant',
  'toCheck.supportConsent': 'Des consignes d’accompagnement ou « compte double » sans l’accord de sa famille (écrits par une ancienne version de l’application ?) : réparez-le avec l’accord de la famille, ou supprimez-le.',
  'manage.kind.line': 'Ligne',
  'manage.kind.stop': 'Arrêt',
  'manage.kind.exception': 'Annulation',
  'manage.kind.holiday': 'Vacances importées',
  'manage.kind.holidayOverride': 'Correction des vacances scolaires',
  'manage.kind.signUp': 'Inscription à un trajet',
  'manage.kind.offer': 'Offre de remplacement ou d’échange',
  'manage.kind.swapResponse': 'Réponse à une offre',
  'manage.kind.release': 'Créneau rendu',
  'manage.kind.rosterEntry': 'Inscription à la coordination',
  'manage.kind.periodOffer': 'Offre de période de coordination',
  'manage.kind.periodResponse': 'Réponse à une offre de coordination',
  'manage.kind.handoverNote': 'Note de passation',
  'manage.kind.handoverAck': 'Prise de connaissance de la passation',
  'manage.kind.absence': 'Absence déclarée',
  'manage.kind.checkIn': 'Pointage d’un enfant',
  'manage.kind.walkEvent': 'Départ ou arrivée d’un trajet',
  'manage.kind.walkNote': 'Note du carnet de trajet',
  'manage.kind.availability': 'Disponibilités d’un adulte',
  'manage.kind.exemption': 'Part réduite',
  'manage.kind.meeting': 'Réunion du collectif',
  'manage.kind.meetingReply': 'Réponse d’une famille à une réunion',
  'manage.kind.guestName': 'Prénom d’un enfant invité',
  'manage.kind.helpRequest': 'Coup de main (demande ou offre)',
  'manage.kind.helpAnswer': 'Réponse « Je peux » à un coup de main',
  'manage.kind.helpKind': 'Type de coup de main du collectif',
  'manage.kind.pair': 'Trajet en binôme',
  'manage.kind.charter': 'Charte du collectif',
  'manage.repair.action': 'Réparer',
  // from fr-absence.ts
  'absence.nav': 'Absences',
  'absence.declareLink': 'Signaler une absence',
  'absence.walkCount.one': '{n} absence signalée',
  'absence.walkCount.other': '{n} absences signalées',
  // from fr-planning.ts
  'planning.nav.availability': 'Mes disponibilités',
  // from fr-print.ts
  'print.link.week': 'Imprimer',
  'print.link.weekLabel': 'Imprimer la semaine de la ligne {line}',
  'print.link.poster': 'Imprimer l’affiche des arrêts',
  // the printable guide (fr-guide.ts), linked from "Plus"
  'guide.screen': 'Guide « Monter un pédibus »',
  // from fr-privacy.ts
  'privacy.link': 'Vos données : qui voit quoi',
  // from fr-renew.ts
  'generation.archive': 'Archive de l’année {year} : en lecture seule.',
  'generation.archiveOfPast': 'Archive d’une année passée : en lecture seule.',
  'generation.followed': 'Le collectif est passé à la nouvelle année : l’année passée reste consultable depuis ses paramètres.',
  'generation.goLive': 'Aller à l’année en cours',
  'generation.following': 'Ce collectif passe à la nouvelle année : elle s’ouvre dès que ce téléphone est connecté.',
  'renew.moved': 'Ce collectif a été renouvelé : demandez le nouveau lien d’invitation à une famille du collectif. Ce que ce téléphone n’avait pas encore envoyé sera repris en l’ouvrant. D’ici là, vous pouvez consulter les données, mais plus les modifier.',
} as const
