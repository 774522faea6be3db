// French text of the exports (settings page) and of "Restaurer une sauvegarde" (collectives page).

export const frExport = {
  'export.title': 'Exporter les données',
  'export.intro': 'Des fichiers créés sur ce téléphone, à garder pour vous : rien n’est envoyé ailleurs.',
  'export.warning': 'Attention : ces fichiers contiennent des données personnelles en clair (prénoms, numéros de téléphone, consignes pour les enfants). Gardez-les privés : ne les partagez pas, ne les déposez pas sur un site public, supprimez-les quand vous n’en avez plus besoin.',
  'export.family': 'Mes données (famille)',
  'export.familyHint': 'Votre famille, ses adultes et ses enfants, leurs inscriptions, absences et les notes que vous avez écrites. Rien sur les autres familles.',
  'export.familyWhoFirst': 'Indiquez d’abord qui vous êtes sur ce téléphone (écran « Aujourd’hui »).',
  'export.collective': 'Tout le collectif (JSON)',
  'export.collectiveHint': 'Une sauvegarde complète : elle peut être restaurée comme un nouveau collectif, depuis l’écran « Collectifs ».',
  'export.rota': 'Le planning (tableur CSV)',
  'export.rotaHint': 'Le planning entre ces deux dates, à ouvrir avec un tableur (colonnes séparées par des virgules).',
  'export.from': 'Du',
  'export.to': 'Au',
  'export.badRange': 'Choisissez deux dates, la seconde après la première.',
  'export.done': 'Fichier {file} téléchargé.',
  'export.failed': 'Le fichier n’a pas pu être créé sur ce téléphone. Réessayez.',

  'restore.title': 'Restaurer une sauvegarde',
  'restore.intro': 'Un fichier « Tout le collectif (JSON) » devient un nouveau collectif sur ce téléphone, avec un nouveau lien d’invitation à envoyer aux familles.',
  'restore.file': 'Fichier de sauvegarde (.json)',
  'restore.working': 'Restauration en cours…',
  'restore.done': 'Collectif « {name} » restauré.',
  'restore.invalidExport': 'Ce fichier n’est pas une sauvegarde complète d’un collectif, ou il est abîmé. Rien n’a été créé. Choisissez le fichier « Tout le collectif (JSON) ».',
  'restore.storageUnavailable': 'Le stockage de ce téléphone n’est pas disponible. Rien n’a été créé. Libérez de la place ou quittez la navigation privée, puis réessayez.',
  'restore.tooLarge': 'Ce fichier est trop gros pour une sauvegarde de collectif. Rien n’a été créé.',
  'restore.unreadable': 'Ce fichier n’a pas pu être lu. Rien n’a été créé.',
} as const
