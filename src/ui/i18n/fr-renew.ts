// French text of "Renouveler l'invitation" (new room and secret for the collective) and of the "collectif renouvelé" banner.

export const frRenew = {
  'renew.title': 'Renouveler l’invitation',
  'renew.explain': 'À faire si un téléphone est perdu ou si une famille a quitté le collectif : les anciens liens n’ouvrent plus rien, aussitôt, et le relais efface l’ancienne copie. Envoyez ensuite un nouveau lien à chaque famille. Une personne retirée garde ce qu’elle avait déjà téléchargé.',
  'renew.button': 'Renouveler l’invitation',
  'renew.confirm': 'Créer un nouveau lien et fermer l’ancien ? Chaque famille devra recevoir le nouveau lien.',
  'renew.yes': 'Oui, renouveler',
  'renew.progress': 'Copie du collectif vers le relais, puis fermeture de l’ancien lien… Gardez cette page ouverte.',
  'renew.done': 'Invitation renouvelée : envoyez ce nouveau lien à chaque famille.',
  'renew.error.offline': 'Hors ligne : le renouvellement demande une connexion au relais. Réessayez une fois connecté.',
  'renew.error.notSynced': 'Des modifications ne sont pas encore sur le relais (ou la copie n’a pas pu y être envoyée). Rien n’a changé : réessayez dans un moment.',
  'renew.error.relayRefused': 'Le relais n’a pas fermé l’ancien lien : rien n’a changé, le collectif continue avec son lien actuel. Réessayez plus tard.',
  'renew.error.relayUnreachable': 'Le relais n’a pas répondu. Une copie du collectif est gardée dans « Mes collectifs » : si l’ancien lien affiche « collectif renouvelé », c’est la copie qu’il faut utiliser, et son lien d’invitation qu’il faut envoyer. Sinon, rien n’a changé : réessayez plus tard, puis retirez la copie de ce téléphone.',
  'renew.error.storageUnavailable': 'Le stockage de ce téléphone n’est pas disponible : la copie n’a pas pu être écrite. Rien n’a changé.',
} as const
