// French text of "Vos données": what is stored where, who can see what, what leaves the app, how to leave.

export const frPrivacy = {
  'privacy.title': 'Vos données',
  'privacy.intro': 'Pédibus Coop ne garde que ce qu’il faut pour organiser les trajets. Voici où sont ces informations, qui peut les voir et comment partir.',

  'privacy.phone.title': 'Sur ce téléphone',
  'privacy.phone.copy': 'Chaque collectif rejoint est copié en entier sur ce téléphone, pour marcher sans réseau : les familles, les prénoms et téléphones des adultes, les enfants et leurs consignes, les trajets, les absences et les notes.',
  'privacy.phone.device': 'Ce téléphone garde aussi le lien d’invitation (c’est la clé du collectif), votre famille choisie et la langue. Pas de compte, pas de mot de passe, pas de publicité ni de mesure d’audience.',
  'privacy.phone.lock': 'Verrouillez votre téléphone : qui l’ouvre voit le collectif.',
  'privacy.phone.forget': '« Retirer de ce téléphone », dans Mes collectifs, efface cette copie.',
  'privacy.phone.forgetLink': 'Mes collectifs',

  'privacy.relay.title': 'Sur le relais',
  'privacy.relay.what': 'Le relais est un petit serveur qui fait passer les modifications d’un téléphone à l’autre et en garde une copie. Il peut être hébergé par la mairie, l’association ou une personne bénévole.',
  'privacy.relay.sealed': 'Les noms, les numéros de téléphone, les consignes d’accompagnement et les notes sont chiffrés sur le téléphone avant d’être envoyés : le relais ne peut pas les lire.',
  'privacy.relay.clear': 'Le relais voit ce qu’il lui faut pour synchroniser : des identifiants tirés au hasard, des dates, les créneaux pris, et l’adresse IP des téléphones connectés. Le relais n’écrit pas ces adresses IP dans ses journaux ; le serveur web placé devant lui peut les garder quelque temps.',
  'privacy.relay.places': 'Restent aussi lisibles par le relais le nom du collectif, de l’école et de la commune, et les lignes et arrêts (noms, horaires, accès) : des lieux, pas des personnes.',
  'privacy.relay.key': 'La clé est dans le lien d’invitation, après le signe « # » : cette partie n’est jamais envoyée au relais.',

  'privacy.who.title': 'Qui voit quoi',
  'privacy.who.members': 'Toutes les familles du collectif voient : le nom des familles, le prénom et le téléphone des adultes, le prénom et l’initiale des enfants, leurs arrêts, leurs jours et leurs consignes d’accompagnement, qui accompagne quand, les absences avec leur motif, les présences, le carnet de bord et les notes de passation de la coordination.',
  'privacy.who.link': 'Toute personne qui a le lien d’invitation peut rejoindre le collectif et tout voir : ne l’envoyez qu’aux familles du pédibus.',
  'privacy.who.health': 'Pour les consignes et les motifs d’absence, écrivez ce que l’adulte doit faire (« lui tenir la main aux traversées »), pas un diagnostic ni un détail de santé.',
  'privacy.who.fairness': 'Les disponibilités de chaque adulte (jours, trajets, dates) et les parts réduites sont visibles par toutes les familles, et lisibles par le relais car elles ne contiennent aucun nom. Une part réduite ne demande jamais de motif.',
  'privacy.who.minimum': 'Pour les enfants, seulement le prénom et l’initiale du nom : ni date de naissance, ni adresse, ni photo.',

  'privacy.outside.title': 'Ce qui sort de l’application',
  'privacy.outside.print': 'Les feuilles imprimées (semaine, affiche d’arrêt, feuille de présence, fiche d’urgence) portent des prénoms, des consignes et des numéros de téléphone. Gardez-les avec vous pendant le trajet, puis détruisez-les.',
  'privacy.outside.ics': 'Le fichier agenda (.ics) contient vos trajets, les lignes, les arrêts et des prénoms d’adultes, sans prénom d’enfant ni numéro de téléphone. Une fois importé, il suit les règles de votre application d’agenda.',
  'privacy.outside.export': 'Un fichier d’export (JSON ou CSV) contient les données en clair, sans chiffrement : rangez-le comme un dossier papier, supprimez-le quand il ne sert plus.',

  'privacy.leave.title': 'Partir',
  'privacy.leave.how': 'Sur la page de votre famille, « Quitter le collectif » retire votre famille et vos enfants pour tout le monde. Une autre famille peut aussi retirer une famille partie.',
  'privacy.leave.familyLink': 'La page de ma famille',
  'privacy.leave.pickCollective': 'Ouvrez d’abord le collectif, puis la page de votre famille.',
  'privacy.leave.then': 'Ensuite, « Retirer de ce téléphone » efface la copie de ce téléphone.',
  'privacy.leave.keeps': 'Attention : une personne qui quitte le collectif, ou qui en est retirée, garde ce que son téléphone avait déjà reçu, et les feuilles imprimées. L’application ne peut pas effacer le téléphone de quelqu’un d’autre.',
  'privacy.leave.stillOpen': 'Son lien d’invitation reste aussi valable : il permet de voir les nouveautés du collectif. Pour fermer la porte à une personne partie ou à un téléphone perdu, renouvelez l’invitation (page « Inviter ») et envoyez le nouveau lien aux familles.',

  'privacy.rights.title': 'Vos droits',
  'privacy.rights.text': 'Vous voyez tout ce que le collectif sait de votre famille, vous pouvez le corriger sur la page de votre famille et le supprimer en quittant le collectif. Pour toute question, adressez-vous à l’association ou au collectif qui organise le pédibus.',

  'privacy.back': 'Retour au collectif',
} as const
