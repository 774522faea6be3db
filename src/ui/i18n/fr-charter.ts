// French texts of the collective's charter (issue 18): the form on the settings screen and a default charter to adapt.

export const frCharter = {
  'charter.title': 'Charte du collectif',
  'charter.intro': 'Les règles que les familles du collectif se donnent. Toutes les familles la lisent ; tout membre peut la modifier.',
  'charter.label': 'Texte de la charte',
  'charter.hint': 'Évitez d’y écrire des noms ou des numéros de téléphone : chaque famille a sa fiche pour cela.',
  'charter.none': 'Pas encore de charte. Partez du modèle ci-dessous et adaptez-le à votre collectif.',
  'charter.useDefault': 'Partir du modèle de charte',
  'charter.save': 'Enregistrer la charte',
  'charter.saved': 'Charte enregistrée.',
  'charter.removed': 'Charte retirée.',
  'charter.default': [
    'Charte du pédibus',
    '',
    '1. Sécurité. Au moins deux adultes par trajet, un devant et un derrière. On traverse aux passages piétons, en groupe, quand l’adulte de tête le dit. Les enfants portent un gilet visible.',
    '2. Ponctualité. L’adulte inscrit arrive à l’arrêt cinq minutes avant l’horaire. Un empêchement ? Proposez votre créneau le plus tôt possible dans l’application.',
    '3. Entraide. Chaque famille accompagne selon ses possibilités ; personne n’est jugé. On se remplace, on se prévient, on se remercie.',
    '4. Gratuité. Le pédibus est bénévole : aucun argent ne circule entre les familles.',
    '5. Tous les enfants. Le pédibus accueille chaque enfant, y compris les enfants en situation de handicap : la famille indique ce dont l’enfant a besoin et les adultes s’organisent pour que le trajet lui convienne.',
    '6. Données. Les prénoms, numéros et consignes servent seulement au pédibus. On ne les partage pas hors du collectif et on ne publie pas de photo d’enfant sans l’accord de sa famille.',
  ].join('\n'),
} as const
