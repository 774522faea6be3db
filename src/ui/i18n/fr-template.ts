// French texts of templates (issue 18): "Exporter comme modèle" (settings screen) and "Créer à partir d'un modèle".

export const frTemplate = {
  'template.export': 'Exporter comme modèle',
  'template.exportHint': 'Les lignes, arrêts, horaires, consignes d’accès, réglages, types de coups de main et la charte, pour qu’un autre collectif parte de votre organisation. Aucune famille, aucun adulte, aucun enfant, aucune inscription ni aucune note : ce fichier peut être partagé.',

  'template.createTitle': 'Créer à partir d’un modèle',
  'template.createIntro': 'Un autre collectif vous a donné son modèle (fichier « modele-pedibus-….json ») ? Le nouveau collectif reprend ses lignes, arrêts, horaires, réglages et sa charte. Vous choisissez le nom, et il aura son propre lien d’invitation.',
  'template.file': 'Fichier modèle (.json)',
  'template.reading': 'Lecture du modèle…',
  'template.found': 'Modèle exporté le {date}. Ses lignes :',
  'template.foundCharter': 'Il contient une charte.',
  'template.noLine': 'Ce modèle n’a aucune ligne : seuls ses réglages et sa charte seront repris.',
  'template.foundLine': '{name} — arrêts : {stops}',
  'template.submit': 'Créer le collectif à partir du modèle',
  'template.error.tooBig': 'Ce fichier est trop gros pour un modèle. Rien n’a été créé.',
  'template.error.notATemplate': 'Ce fichier n’est pas un modèle de collectif. Choisissez le fichier « modele-pedibus-….json » obtenu avec « Exporter comme modèle ». Rien n’a été créé.',
  'template.error.wrongVersion': 'Ce modèle vient d’une autre version de l’application, qu’elle ne sait pas lire. Mettez l’application à jour, ou demandez un nouveau modèle. Rien n’a été créé.',
  'template.error.invalidLine': 'La ligne n° {line} de ce modèle est abîmée (nom, couleur, jours ou horaires d’un arrêt). Rien n’a été créé : demandez un nouveau modèle.',
  'template.error.invalidTemplate': 'Ce modèle est abîmé (réglages, types de coups de main ou charte). Rien n’a été créé : demandez un nouveau modèle.',
  'template.error.unreadable': 'Ce fichier n’a pas pu être lu. Rien n’a été créé.',
  'template.error.storageUnavailable': 'Le stockage de ce téléphone n’est pas disponible. Rien n’a été créé. Libérez de la place ou quittez la navigation privée, puis réessayez.',
} as const
