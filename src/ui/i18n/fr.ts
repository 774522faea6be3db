// French interface text (the default language): the reference key set every translation must cover.
import { frManage } from './fr-manage.ts'
import { frRota } from './fr-rota.ts'
import { frCoordination } from './fr-coordination.ts'
import { frWalk } from './fr-walk.ts'
import { frPrint } from './fr-print.ts'
import { frAgenda } from './fr-agenda.ts'
import { frAbsence } from './fr-absence.ts'
import { frPrivacy } from './fr-privacy.ts'
import { frExport } from './fr-export.ts'
import { frLeave } from './fr-leave.ts'
import { frRenew } from './fr-renew.ts'
import { frYear } from './fr-year.ts'
import { frPlanning } from './fr-planning.ts'

const frCore = {
  'app.name': 'Pédibus Coop',
  'app.skipLink': 'Aller au contenu',
  'app.loading': 'Chargement…',
  'nav.label': 'Navigation principale',
  'nav.collectives': 'Collectifs',
  'nav.settings': 'Réglages',

  'form.required': 'Ce champ est obligatoire.',
  'form.tooLong': 'Ce texte est trop long.',
  'form.invalidCharacters': 'Ce texte contient des caractères non autorisés.',
  'form.dateOutOfRange': 'Choisissez une date entre 2020 et 2099.',
  'form.unknownError': 'Cette valeur n’est pas acceptée.',
  'form.cancel': 'Annuler',
  'form.save': 'Enregistrer',

  'welcome.title': 'Bienvenue sur Pédibus Coop',
  'welcome.intro': 'Organisez le pédibus de l’école entre familles. Tout est enregistré sur ce téléphone et fonctionne même sans réseau.',
  'welcome.createTitle': 'Vous lancez le pédibus ?',
  'welcome.createText': 'Créez le collectif, puis envoyez le lien d’invitation aux autres familles.',
  'welcome.create': 'Créer un collectif',
  'welcome.joinTitle': 'Une famille vous a invité ?',
  'welcome.joinText': 'Ouvrez le lien d’invitation reçu par message, ou collez-le ici.',
  'welcome.join': 'Rejoindre',

  'create.title': 'Créer un collectif',
  'create.intro': 'Ces informations seront visibles par toutes les familles du collectif.',
  'create.submit': 'Créer le collectif',
  'profile.name': 'Nom du collectif',
  'profile.nameHint': 'Par exemple : Pédibus des Écureuils',
  'profile.school': 'École',
  'profile.town': 'Commune',

  'join.title': 'Rejoindre un collectif',
  'join.explain': 'Pour rejoindre un collectif, ouvrez le lien d’invitation qu’une autre famille vous a envoyé (par SMS, courriel ou messagerie). Vous pouvez aussi scanner son QR code avec l’appareil photo, ou coller le lien ci-dessous.',
  'join.linkLabel': 'Lien d’invitation',
  'join.submit': 'Rejoindre le collectif',
  'join.joining': 'Ouverture du collectif…',
  'join.invalidLink': 'Ce lien d’invitation n’est pas valable. Vérifiez qu’il est complet, ou demandez-en un nouveau.',
  'join.storageUnavailable': 'Impossible d’enregistrer sur ce téléphone. Vérifiez que la navigation privée est désactivée et qu’il reste de la place.',

  'home.profileTitle': 'Le collectif',
  'home.school': 'École',
  'home.town': 'Commune',
  'home.rename': 'Renommer',
  'home.renameTitle': 'Renommer le collectif',
  'home.waitingProfile': 'Récupération des informations du collectif… Elles apparaîtront dès que ce téléphone sera connecté.',
  'home.invite': 'Inviter une famille',
  'home.notFound': 'Ce collectif n’est pas sur ce téléphone.',
  'home.saved': 'Modifications enregistrées.',

  'families.title': 'Les familles',
  'families.empty': 'Aucune famille pour l’instant. Ajoutez la vôtre !',
  'families.count.one': '{n} famille',
  'families.count.other': '{n} familles',
  'families.addLabel': 'Nom de la famille',
  'families.addHint': 'Par exemple : Famille Martin',
  'families.add': 'Ajouter la famille',
  'families.added': 'Ajoutée : {name}.',
  'families.rename': 'Renommer',
  'families.renameLabel': 'Nouveau nom de la famille « {name} »',
  'families.renamed': 'Nouveau nom : {name}.',
  'families.remove': 'Retirer',
  'families.removeConfirm': 'Retirer la famille « {name} » du collectif ?',
  'families.removeYes': 'Oui, retirer',
  'families.removed': 'Retirée du collectif : {name}.',

  'toCheck.title': 'À vérifier',
  'toCheck.intro': 'Ces éléments du collectif sont illisibles ou incomplets (peut-être écrits par une autre version de l’application).',
  'toCheck.delete': 'Supprimer',
  'toCheck.deleteConfirm': 'Supprimer définitivement cet élément pour toutes les familles ?',
  'toCheck.deleteYes': 'Oui, supprimer',
  'toCheck.familyRemoved': 'Sa famille a été retirée du collectif (sur un autre téléphone) : supprimez-le.',
  'toCheck.deleted': 'Élément supprimé.',
  'toCheck.damagedPart': 'Toute cette partie du collectif est endommagée : elle ne peut pas être réparée depuis ce téléphone. Le reste fonctionne ; signalez-le à la personne qui héberge le relais.',

  'invite.title': 'Inviter une famille',
  'invite.intro': 'Envoyez ce lien aux familles du collectif, ou faites scanner le QR code. Toute personne qui a ce lien peut voir et modifier le collectif : ne le publiez pas.',
  'invite.linkLabel': 'Lien d’invitation',
  'invite.qrAlt': 'QR code du lien d’invitation au collectif « {name} »',
  'invite.qrAltUnnamed': 'QR code du lien d’invitation au collectif',
  'invite.copy': 'Copier le lien',
  'invite.copied': 'Lien copié.',
  'invite.copyFailed': 'Copie impossible : sélectionnez le lien et copiez-le à la main.',
  'invite.share': 'Partager',
  'invite.shareTitle': 'Rejoindre le pédibus',
  'invite.shareText': 'Voici le lien pour rejoindre notre collectif pédibus :',
  'invite.done': 'Retour au collectif',

  'collectives.title': 'Mes collectifs',
  'collectives.intro': 'Les collectifs enregistrés sur ce téléphone.',
  'collectives.current': '(affiché)',
  'collectives.unnamed': 'Collectif sans nom',
  'collectives.forget': 'Retirer de ce téléphone',
  'collectives.forgetConfirm': 'Retirer « {name} » de ce téléphone ? Les autres familles le gardent ; il vous faudra un lien d’invitation pour le retrouver.',
  'collectives.forgetYes': 'Oui, retirer',
  'collectives.forgotten': '« {name} » a été retiré de ce téléphone.',
  'collectives.add': 'Ajouter un collectif',

  'settings.title': 'Réglages',
  'settings.language': 'Langue',
  'settings.french': 'Français',
  'settings.english': 'English',

  'status.label': 'État de l’enregistrement',
  'status.loading': 'Ouverture du collectif sur ce téléphone…',
  'status.savedLocal': 'Enregistré sur ce téléphone',
  'status.allOnRelay': 'Tout est sur le relais',
  'status.pending.one': '{n} modification en attente',
  'status.pending.other': '{n} modifications en attente',
  'status.offlineSince': 'Hors ligne depuis {time}',
  'status.offline': 'Hors ligne',
  'status.refused': 'Invitation refusée par le relais',
  'status.localError': 'Erreur d’enregistrement sur ce téléphone',
  'status.rebuilding': 'Remise en accord avec le relais…',
  'status.roomFull': 'Le collectif a atteint sa taille maximale sur le relais : les modifications restent sur ce téléphone. Prévenez la personne qui héberge le relais.',
  'status.quotaExceeded': 'Mémoire du téléphone pleine : les dernières modifications ne sont peut-être pas enregistrées sur ce téléphone. Libérez de la place (photos, applications).',
  'status.storageUnavailable': 'Enregistrement impossible sur ce téléphone (navigation privée ?). Les modifications sont envoyées au relais tant que la page reste ouverte.',

  'update.available': 'Nouvelle version disponible',
  'update.reload': 'Recharger',
  'update.waiting': 'Enregistrement en cours…',

  'error.unexpected': 'Un problème inattendu est survenu. Vos données sont sur ce téléphone ; si cela se répète, rechargez la page.',
  'error.storageUnavailable': 'Impossible d’enregistrer sur ce téléphone (navigation privée ou mémoire pleine ?).',
  'error.dismiss': 'Fermer ce message',
  'error.screen.title': 'Cet écran n’a pas pu s’afficher',
  'error.screen.body': 'Un problème inattendu l’en a empêché. Vos données sont sur ce téléphone : vous pouvez réessayer ou revenir en arrière ; si cela se répète, rechargez la page.',
  'error.screen.retry': 'Réessayer',
  'error.screen.home': 'Retour à l’accueil',
  'error.screen.collective': 'Retour au collectif',
  'removal.notFound': 'Déjà retiré sur un autre téléphone : rien n’a changé ici.',

  'notFound.title': 'Page introuvable',
  'notFound.back': 'Revenir à l’accueil',
} as const

export type CoreMessageKey = keyof typeof frCore
export const fr = { ...frCore, ...frRota, ...frManage, ...frCoordination, ...frWalk, ...frPrint, ...frAgenda, ...frAbsence, ...frPrivacy, ...frExport, ...frLeave, ...frRenew, ...frYear, ...frPlanning } as const

export type MessageKey = keyof typeof fr
export type Messages = Readonly<Record<MessageKey, string>>
