// French text of "Quitter le collectif": a family removes itself and its children, then this phone forgets the collective.

export const frLeave = {
  'leave.title': 'Quitter le collectif',
  'leave.explain': 'Votre famille, ses adultes et ses enfants sont retirés du collectif, puis ce téléphone oublie le collectif.',
  'leave.erasure': 'Vos données sont effacées des téléphones et du relais à leur prochaine synchronisation ; une personne qui les a déjà vues peut s’en souvenir.',
  'leave.removeErasure': 'Leurs données sont effacées des téléphones et du relais à leur prochaine synchronisation ; une personne qui les a déjà vues peut s’en souvenir.',
  'leave.button': 'Quitter le collectif',
  'leave.confirm': 'Retirer la famille « {name} » et quitter le collectif ?',
  'leave.yes': 'Oui, quitter',
  'leave.sending': 'Envoi de votre départ au relais…',
  'leave.offline': 'Hors ligne : votre départ partira au relais dès le retour du réseau. Gardez cette page ouverte.',
  'leave.refused': 'Le relais refuse cette invitation : votre départ ne peut pas lui parvenir. Vous pouvez quand même oublier le collectif sur ce téléphone.',
  'leave.forgetAnyway': 'Oublier le collectif sur ce téléphone',
  'leave.done': 'Vous avez quitté le collectif {name}.',
} as const
