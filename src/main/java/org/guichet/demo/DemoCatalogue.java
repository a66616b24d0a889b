package org.guichet.demo;

import java.util.List;

import org.guichet.directory.User;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;

import static org.guichet.tickets.TicketType.ASSISTANCE;
import static org.guichet.tickets.TicketType.INCIDENT;
import static org.guichet.tickets.TicketType.SERVICE_REQUEST;

/**
 * What the people of the demo organisation write: the demands by category, and the replies,
 * notes and comments of a ticket's life.
 */
final class DemoCatalogue {

	/**
	 * A kind of demand.
	 *
	 * @param category the category's path, as in {@link DemoOrganisation.Organisation#leaves()}
	 * @param external solved with a supplier's or an expert's help (escalated to N3, pending on the supplier)
	 */
	record Topic(String category, TicketType type, Urgency urgency, Impact impact, String title, String description,
			String solution, boolean external) {
	}

	static final List<Topic> TOPICS = List.of(
			topic("Poste de travail/Ordinateur fixe", INCIDENT, Urgency.HIGH, Impact.LOW,
					"Le PC ne démarre plus depuis ce matin",
					"Mon ordinateur reste sur un écran noir après le logo, le voyant est allumé. J'ai débranché et rebranché, sans effet.",
					"Barrette mémoire mal enfichée remise en place, le poste démarre normalement."),
			topic("Poste de travail/Ordinateur fixe", INCIDENT, Urgency.MEDIUM, Impact.LOW,
					"Ordinateur très lent à l'ouverture de session",
					"Il faut plus de dix minutes pour ouvrir la session et les applications se figent régulièrement.",
					"Disque saturé par des fichiers temporaires : nettoyage fait, analyse antivirus reprogrammée hors des heures de bureau."),
			topic("Poste de travail/Ordinateur fixe", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Déplacement de mon poste au bureau 214",
					"Je change de bureau lundi (bureau 214, 2e étage). Pouvez-vous déplacer et rebrancher mon poste ?",
					"Poste déplacé au bureau 214, prise réseau brassée et testée."),
			topic("Poste de travail/Portable", INCIDENT, Urgency.MEDIUM, Impact.LOW,
					"Batterie du portable qui ne tient plus la charge",
					"Mon portable s'éteint au bout de vingt minutes sur batterie, c'est gênant pour les rendez-vous clients.",
					"Batterie remplacée sous garantie."),
			topicExternal("Poste de travail/Portable", INCIDENT, Urgency.HIGH, Impact.LOW, "Écran du portable fissuré",
					"L'écran de mon portable s'est fissuré dans le train, la moitié droite est illisible.",
					"Portable de prêt fourni pendant la réparation ; écran remplacé par le constructeur."),
			topic("Poste de travail/Portable", SERVICE_REQUEST, Urgency.MEDIUM, Impact.VERY_LOW,
					"Portable de prêt pour le salon de Paris",
					"Je pars au salon de Paris pour trois jours, il me faudrait un portable avec PowerPoint et le VPN.",
					"Portable de prêt préparé et remis, à rendre au retour du salon."),
			topic("Poste de travail/Écran", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW, "Demande d'un second écran",
					"Je travaille sur de gros tableaux Excel, un second écran me ferait gagner du temps. Mon responsable est d'accord.",
					"Écran 24 pouces installé et configuré en affichage étendu."),
			topic("Poste de travail/Écran", INCIDENT, Urgency.MEDIUM, Impact.LOW, "Écran qui clignote",
					"Mon écran clignote toutes les quelques secondes et devient noir par moments.",
					"Câble DisplayPort défectueux remplacé."),
			topic("Poste de travail/Périphériques", INCIDENT, Urgency.HIGH, Impact.VERY_LOW,
					"Clavier sans fil qui ne répond plus",
					"Mon clavier sans fil ne tape plus rien depuis ce matin, la souris fonctionne.",
					"Piles changées et récepteur USB réappairé."),
			topic("Poste de travail/Périphériques", INCIDENT, Urgency.HIGH, Impact.LOW,
					"La station d'accueil ne reconnaît plus les écrans",
					"Quand je branche mon portable sur la station d'accueil, les deux écrans restent noirs.",
					"Micrologiciel de la station d'accueil mis à jour, les écrans sont reconnus."),
			topic("Poste de travail/Périphériques", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Casque pour les visioconférences",
					"Je fais de plus en plus de réunions en visio, pourrais-je avoir un casque avec micro ?",
					"Casque USB remis en main propre."),
			topic("Imprimante/Bourrage papier", INCIDENT, Urgency.HIGH, Impact.MEDIUM, "Imprimante du 2e étage bloquée",
					"L'imprimante affiche « bourrage papier bac 2 » mais aucune feuille n'est visible. Plus personne ne peut imprimer.",
					"Morceau de papier coincé derrière le module recto verso retiré, rouleaux nettoyés."),
			topicExternal("Imprimante/Bourrage papier", INCIDENT, Urgency.MEDIUM, Impact.MEDIUM,
					"Bourrages à répétition sur l'imprimante de l'accueil",
					"L'imprimante de l'accueil fait un bourrage presque à chaque impression recto verso.",
					"Rouleaux d'entraînement usés remplacés par le prestataire de maintenance."),
			topic("Imprimante/Toner", SERVICE_REQUEST, Urgency.MEDIUM, Impact.MEDIUM,
					"Toner noir à remplacer sur l'imprimante de la compta",
					"L'imprimante de la comptabilité indique « toner noir vide ».",
					"Toner remplacé, réassort commandé."),
			topic("Imprimante/Toner", INCIDENT, Urgency.LOW, Impact.LOW, "Impressions pâles et striées",
					"Les documents sortent pâles avec des traits verticaux, même après avoir secoué le toner.",
					"Tambour usé remplacé."),
			topic("Imprimante/Pilote", INCIDENT, Urgency.MEDIUM, Impact.MEDIUM,
					"Impossible d'imprimer depuis la mise à jour Windows",
					"Depuis la mise à jour d'hier soir, mes documents restent bloqués dans la file d'attente.",
					"Pilote d'impression réinstallé dans sa dernière version."),
			topic("Imprimante/Pilote", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Installer l'imprimante des RH sur mon poste",
					"J'ai besoin d'imprimer des documents confidentiels sur l'imprimante sécurisée des RH.",
					"Imprimante sécurisée ajoutée, impression libérée par badge."),
			topicExternal("Wi-Fi", INCIDENT, Urgency.HIGH, Impact.MEDIUM, "Pas de Wi-Fi en salle de réunion",
					"Dans la salle Confluence, le réseau Wi-Fi n'apparaît pas : impossible de projeter la présentation du client de 14 h.",
					"Borne Wi-Fi de la salle défectueuse remplacée par le prestataire."),
			topic("Wi-Fi", INCIDENT, Urgency.HIGH, Impact.HIGH, "Le Wi-Fi décroche sans arrêt à l'entrepôt",
					"Les scanners et les portables perdent le Wi-Fi toutes les cinq minutes dans la zone du quai B.",
					"Borne supplémentaire AP-VIL-QUAIB posée au quai B (10.20.8.31) et canaux radio réglés avec Léa Roux."),
			topic("Wi-Fi", SERVICE_REQUEST, Urgency.MEDIUM, Impact.VERY_LOW, "Accès Wi-Fi invité pour un auditeur",
					"Nous recevons un auditeur externe pendant trois jours, il lui faut un accès Wi-Fi invité.",
					"Code d'accès invité valable trois jours transmis par SMS."),
			topic("Téléphonie/Téléphone fixe", INCIDENT, Urgency.HIGH, Impact.LOW, "Plus de tonalité sur mon poste fixe",
					"Mon téléphone fixe affiche « réseau indisponible » et je n'ai plus de tonalité.",
					"Câble réseau du téléphone remplacé, poste réenregistré sur l'autocommutateur."),
			topic("Téléphonie/Téléphone fixe", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Renvoi d'appel pendant mes congés",
					"Je serai en congés deux semaines : pouvez-vous renvoyer ma ligne vers le standard ?",
					"Renvoi vers le standard programmé sur la période des congés."),
			topic("Téléphonie/Mobile", INCIDENT, Urgency.MEDIUM, Impact.LOW, "Les mails n'arrivent plus sur mon téléphone",
					"Depuis le changement de mot de passe, mon smartphone ne reçoit plus les mails.",
					"Compte de messagerie reconfiguré sur le mobile avec le nouveau mot de passe."),
			topicExternal("Téléphonie/Mobile", SERVICE_REQUEST, Urgency.MEDIUM, Impact.VERY_LOW,
					"Remplacement de mon smartphone cassé",
					"L'écran de mon téléphone professionnel est cassé, il ne réagit plus au toucher.",
					"Nouveau smartphone commandé chez l'opérateur, configuré et remis."),
			topic("Réseau/VPN", INCIDENT, Urgency.HIGH, Impact.LOW, "Connexion VPN impossible depuis mon domicile",
					"Le client VPN affiche « échec d'authentification » alors que mon mot de passe fonctionne au bureau.",
					"Certificat VPN du poste expiré, renouvelé ; la passerelle vpn-gw01.lyon.local (fd12:3456:789a:1::20) accepte de nouveau la connexion."),
			topic("Réseau/VPN", INCIDENT, Urgency.MEDIUM, Impact.MEDIUM, "VPN très lent en télétravail",
					"En télétravail, ouvrir un fichier sur le serveur prend plusieurs minutes.",
					"Passage du poste sur la passerelle VPN la plus proche, débit revenu à la normale."),
			topicExternal("Réseau/Accès Internet", INCIDENT, Urgency.VERY_HIGH, Impact.HIGH,
					"Internet très lent sur tout le site de Villeurbanne",
					"Depuis 9 h, Internet est extrêmement lent pour tout l'entrepôt, les étiquettes transporteur ne s'impriment plus. Olivier a déjà redémarré le routeur RT-VIL-01, sans effet.",
					"Saturation du lien chez l'opérateur, débit nominal rétabli par le fournisseur."),
			topic("Réseau/Accès Internet", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Site d'un fournisseur bloqué par le proxy",
					"Le portail de commande de notre fournisseur d'emballages est bloqué (« catégorie non autorisée »).",
					"Site ajouté à la liste blanche du proxy."),
			topic("Réseau/Partage de fichiers", INCIDENT, Urgency.HIGH, Impact.MEDIUM, "Lecteur réseau P: inaccessible",
					"Le lecteur P: apparaît avec une croix rouge, impossible d'ouvrir les dossiers du service. Chantal Faure a la même chose sur PC-COMPTA-12.",
					"Connexion des lecteurs réseau réinitialisée par le script d'ouverture de session ; le serveur SRV-FICHIERS (10.12.0.54) répondait normalement."),
			topic("Réseau/Partage de fichiers", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Accès au dossier partagé Marketing",
					"Je travaille sur la nouvelle plaquette, j'ai besoin de lire et modifier le dossier partagé Marketing.",
					"Droits en modification donnés après accord du responsable du dossier."),
			topic("Logiciels/Bureautique", ASSISTANCE, Urgency.LOW, Impact.VERY_LOW,
					"Comment partager mon calendrier Outlook ?",
					"Je voudrais que mon assistante puisse voir et modifier mon agenda.",
					"Partage du calendrier fait avec droits de modification, mode opératoire envoyé."),
			topic("Logiciels/Bureautique", INCIDENT, Urgency.HIGH, Impact.LOW,
					"Excel se ferme à l'ouverture d'un fichier",
					"Excel se ferme sans message dès que j'ouvre le fichier de suivi des commandes.",
					"Complément Excel obsolète désactivé, le fichier s'ouvre."),
			topic("Logiciels/Bureautique", ASSISTANCE, Urgency.LOW, Impact.VERY_LOW, "Aide pour un publipostage Word",
					"Je dois envoyer un courrier personnalisé à 200 fournisseurs à partir d'un fichier Excel.",
					"Publipostage réalisé ensemble à distance, modèle enregistré."),
			topicExternal("Logiciels/ERP", INCIDENT, Urgency.VERY_HIGH, Impact.MEDIUM,
					"Erreur à la validation des factures dans l'ERP",
					"Message « Erreur 504 » quand je valide un lot de factures fournisseurs. Urgent pour la clôture mensuelle : Mme Durand attend le lot pour demain.",
					"Correctif de l'éditeur appliqué, le lot de factures est validé."),
			topic("Logiciels/ERP", SERVICE_REQUEST, Urgency.MEDIUM, Impact.VERY_LOW,
					"Accès au module Stocks de l'ERP",
					"Je reprends le suivi des inventaires, il me faut l'accès en consultation au module Stocks.",
					"Profil « Stocks – consultation » attribué après validation du responsable."),
			topic("Logiciels/ERP", ASSISTANCE, Urgency.LOW, Impact.VERY_LOW, "Exporter les commandes clients vers Excel",
					"Comment extraire la liste des commandes du mois avec les montants dans Excel ?",
					"Requête d'export enregistrée dans les favoris de l'utilisateur, mode opératoire envoyé."),
			topic("Logiciels/Messagerie", INCIDENT, Urgency.HIGH, Impact.VERY_LOW, "Boîte aux lettres pleine",
					"Outlook m'indique que ma boîte aux lettres est pleine et je ne peux plus envoyer de mails.",
					"Archivage automatique activé et quota augmenté."),
			topic("Logiciels/Messagerie", INCIDENT, Urgency.HIGH, Impact.LOW, "Mes mails à un client sont rejetés",
					"Tous mes mails vers un client important reviennent avec « message refusé ».",
					"Notre domaine était sur une liste de blocage du client : retrait demandé et confirmé."),
			topic("Comptes et accès/Mot de passe", SERVICE_REQUEST, Urgency.HIGH, Impact.VERY_LOW,
					"Compte bloqué après mot de passe expiré",
					"Mon mot de passe a expiré pendant mes congés et mon compte est maintenant bloqué.",
					"Compte débloqué et mot de passe réinitialisé, changement imposé à la prochaine connexion."),
			topic("Comptes et accès/Mot de passe", ASSISTANCE, Urgency.MEDIUM, Impact.VERY_LOW,
					"Changer mon mot de passe depuis l'extérieur",
					"Je suis en déplacement pour un mois, comment changer mon mot de passe avant qu'il expire ?",
					"Procédure de changement par le portail web expliquée, mot de passe changé."),
			topic("Comptes et accès/Nouvel arrivant", SERVICE_REQUEST, Urgency.HIGH, Impact.LOW,
					"Arrivée d'un nouveau collaborateur le 1er du mois",
					"Nous accueillons une nouvelle recrue : il lui faut un portable, un téléphone, un compte, la messagerie et l'accès à l'ERP.",
					"Portable, téléphone, compte, messagerie et accès ERP prêts ; accueil fait le premier jour."),
			topic("Comptes et accès/Droits d'accès", SERVICE_REQUEST, Urgency.LOW, Impact.VERY_LOW,
					"Droits d'administration pour installer un logiciel",
					"J'ai besoin d'installer le logiciel de notre transporteur sur mon poste.",
					"Logiciel installé par le support ; les droits d'administration ne sont pas donnés durablement."),
			topic("Comptes et accès/Droits d'accès", SERVICE_REQUEST, Urgency.HIGH, Impact.LOW,
					"Retrait des accès d'un collaborateur parti",
					"Un intérimaire a terminé sa mission vendredi, merci de fermer ses accès.",
					"Compte désactivé, accès ERP et badge révoqués."));

	static final List<String> FIRST_REPLIES = List.of(
			"Bonjour, je prends votre demande en charge et je reviens vers vous rapidement.",
			"Bonjour, pouvez-vous me donner le numéro d'inventaire inscrit sous l'appareil ?",
			"Bonjour, je passe à votre bureau dans la matinée.",
			"Bonjour, je me connecte à distance sur votre poste dans dix minutes, laissez votre session ouverte.",
			"Bonjour, c'est noté. Je regarde cela cet après-midi.");

	/** Written through {@link #written}. */
	static final List<String> INTERNAL_NOTES = List.of("Même problème signalé sur deux autres postes du plateau.",
			"Contrat de maintenance vérifié : l'intervention est couverte.",
			"Sans doute lié au changement de configuration de mardi soir sur srv-dhcp01.lyon.local (10.12.0.10) ; @khaddad, tu confirmes ?",
			"Rappel au {phone} : {first} confirme que le problème est intermittent.",
			"Voir la procédure dans la base de connaissances, section postes de travail.");

	/** Written through {@link #written}. */
	static final List<String> REQUESTER_REPLIES = List.of("Merci, je suis disponible cet après-midi à partir de 14 h, au {phone}.",
			"Le numéro d'inventaire est PC-04217.", "Oui, ma session est ouverte, vous pouvez y aller.",
			"Je vous envoie une capture d'écran du message d'erreur.",
			"C'est toujours le cas ce matin, et {colleague} a le même souci.");

	static final String QUESTION_TO_USER = "Pouvez-vous me dire quand vous êtes disponible pour une intervention sur place ?";

	static final String SUPPLIER_NOTE = "Dossier ouvert chez le fournisseur, en attente de leur retour.";

	static final String ORDER_NOTE = "Matériel commandé chez le fournisseur, en attente de la livraison.";

	static final String ESCALATION_N2 = "Escalade N2 : dépasse le périmètre du support de proximité.";

	static final String ESCALATION_N3 = "Escalade N3 : intervention d'un expert ou du fournisseur nécessaire.";

	static final List<String> ESCALATION_SUPERVISOR = List.of(
			"Le service du demandeur est bloqué : arbitrage nécessaire sur la priorité.",
			"Achat hors budget à valider par le responsable.",
			"Deuxième relance du demandeur, je préfère que tu sois au courant.");

	static final List<String> REFUSALS = List.of("Le problème est revenu dès le lendemain matin.",
			"Ce n'est pas résolu : le message d'erreur s'affiche toujours.",
			"Cela fonctionne sur mon portable mais toujours pas sur le poste fixe.");

	static final List<String> AFTER_REFUSAL = List.of("Désolé pour la gêne, je regarde à nouveau.",
			"Je repasse vous voir pour vérifier sur place.");

	static final List<String> CANCELLATIONS = List.of(
			"Finalement le problème a disparu tout seul, vous pouvez annuler ma demande.",
			"Doublon : mon collègue a déjà fait la même demande.", "Je n'en ai plus besoin, merci.");

	/** Why the IT team cancels a ticket whose requester withdrew it. */
	static final String CANCEL_REASON = "Demande retirée par l'utilisateur.";

	static final List<String> TASKS = List.of("Préparer le portable et le téléphone", "Créer le compte et la messagerie",
			"Ouvrir l'accès à l'ERP");

	/** Satisfaction comments by rating, from 1 to 5. */
	static final List<List<String>> SATISFACTION_COMMENTS = List.of(
			List.of("Trois jours sans pouvoir travailler, c'est beaucoup trop long."),
			List.of("Résolu, mais il a fallu relancer plusieurs fois."),
			List.of("Correct, un peu long.", "Le problème est réglé mais je n'ai pas compris ce qui s'était passé."),
			List.of("Merci, efficace.", "Bonne prise en charge.", "Rapide et clair."),
			List.of("Parfait, merci beaucoup !", "Très réactif, merci !", "Super, résolu en quelques minutes.",
					"Merci pour la patience et les explications."));

	private DemoCatalogue() {
	}

	/**
	 * A reply or a note as written on a ticket: {@code {first}} is the requester's first name,
	 * {@code {phone}} their phone number, {@code {colleague}} the full name of a colleague.
	 */
	static String written(String text, User requester, User colleague) {
		String phone = requester.getPhone();
		return text.replace("{first}", requester.getFullName().split(" ", 2)[0])
			.replace("{phone}", phone == null ? "mon poste" : phone)
			.replace("{colleague}", colleague.getFullName());
	}

	private static Topic topic(String category, TicketType type, Urgency urgency, Impact impact, String title,
			String description, String solution) {
		return new Topic(category, type, urgency, impact, title, description, solution, false);
	}

	private static Topic topicExternal(String category, TicketType type, Urgency urgency, Impact impact, String title,
			String description, String solution) {
		return new Topic(category, type, urgency, impact, title, description, solution, true);
	}

}
