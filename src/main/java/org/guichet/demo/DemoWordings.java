package org.guichet.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.demo.DemoCatalogue.Topic;
import org.guichet.directory.User;

import static java.util.Map.entry;

/**
 * How requesters word an incident: two people reporting the same kind of failure never write the
 * same title, so each incident topic of {@link DemoCatalogue#TOPICS} has several French wordings
 * and three English ones (for the requesters whose language is English), none near-identical to
 * another of its category. The wordings of a topic are used in turn, so a title comes back only
 * after all the others of its topic: the recurring incidents of the demo are those
 * {@link DemoRecurrences} plants, not an artefact of a short catalogue. Other topics keep their
 * one title.
 */
final class DemoWordings {

	/** A title with its description. */
	record Wording(String title, String description) {
	}

	/** The English titles of a topic, used in turn, with their description. */
	record English(List<String> titles, String description) {
	}

	/** The French wordings of each incident topic, by the topic's title. */
	static final Map<String, List<String>> FRENCH = Map.ofEntries(
			entry("Le PC ne démarre plus depuis ce matin", List.of("Le PC ne démarre plus depuis ce matin",
					"Écran noir au démarrage du poste", "Mon ordinateur refuse de s'allumer", "Poste fixe bloqué sur le logo",
					"PC qui ne boote plus", "Unité centrale éteinte, le voyant reste allumé")),
			entry("Ordinateur très lent à l'ouverture de session", List.of("Ordinateur très lent à l'ouverture de session",
					"Session Windows interminable à ouvrir", "Le poste rame depuis lundi", "Lenteurs importantes sur mon PC",
					"Applications qui se figent sans arrêt", "Dix minutes pour ouvrir ma session")),
			entry("Batterie du portable qui ne tient plus la charge", List.of(
					"Batterie du portable qui ne tient plus la charge", "Mon portable s'éteint au bout de vingt minutes",
					"Autonomie du laptop quasi nulle", "Batterie HS sur mon ordinateur portable", "Le portable ne charge plus",
					"Batterie qui gonfle et se vide vite")),
			entry("Écran du portable fissuré", List.of("Écran du portable fissuré", "Dalle du laptop cassée",
					"Écran fêlé après une chute", "Portable tombé, affichage illisible",
					"Moitié de l'écran noire sur mon portable", "Écran brisé dans le train")),
			entry("Écran qui clignote", List.of("Écran qui clignote", "Mon moniteur s'éteint par intermittence",
					"Affichage qui scintille", "Écran noir toutes les deux minutes", "Second écran qui perd le signal",
					"Image qui saute sur le moniteur")),
			entry("Clavier sans fil qui ne répond plus", List.of("Clavier sans fil qui ne répond plus",
					"Mon clavier ne tape plus rien", "Clavier Bluetooth déconnecté", "Touches du clavier inactives",
					"Plus de clavier depuis ce matin", "Clavier sans fil muet malgré des piles neuves")),
			entry("La station d'accueil ne reconnaît plus les écrans", List.of(
					"La station d'accueil ne reconnaît plus les écrans", "Dock USB-C sans affichage",
					"Mes deux écrans ne s'allument plus une fois branché", "Station d'accueil HS",
					"Plus d'affichage externe avec le dock", "Moniteurs non détectés par la station")),
			// the jams of the 2nd floor's printer are a recurrence of their own (DemoRecurrences)
			entry("Imprimante du 2e étage bloquée", List.of("Bourrage papier sur l'imprimante de l'open space",
					"Imprimante de la salle de réunion bloquée par un bourrage", "Feuille coincée dans la photocopieuse du 1er",
					"Le copieur du rez-de-chaussée affiche bourrage bac 2", "Bourrage dans le module recto verso",
					"Papier coincé dans le multifonction des achats")),
			entry("Bourrages à répétition sur l'imprimante de l'accueil", List.of(
					"Bourrages à répétition sur l'imprimante de l'accueil",
					"L'imprimante de l'accueil bourre à chaque recto verso", "Recto verso impossible à l'accueil",
					"Encore un bourrage à l'accueil", "Imprimante accueil : papier froissé à chaque impression",
					"Les rouleaux de l'imprimante de l'accueil accrochent")),
			entry("Impressions pâles et striées", List.of("Impressions pâles et striées",
					"Traits verticaux sur toutes mes impressions", "Documents imprimés presque illisibles",
					"Impression délavée malgré un toner neuf", "Bandes grises sur les pages imprimées",
					"Qualité d'impression très mauvaise")),
			entry("Impossible d'imprimer depuis la mise à jour Windows", List.of(
					"Impossible d'imprimer depuis la mise à jour Windows",
					"Mes impressions restent bloquées dans la file d'attente", "Pilote d'impression en erreur",
					"Plus rien ne sort de l'imprimante depuis hier soir", "Imprimante hors ligne sur mon poste",
					"Erreur de spouleur à chaque impression")),
			entry("Pas de Wi-Fi en salle de réunion", List.of("Pas de Wi-Fi en salle de réunion",
					"Réseau sans fil introuvable en salle Confluence", "Aucun réseau Wi-Fi dans la salle du 3e",
					"Impossible de projeter, pas de connexion sans fil", "Borne Wi-Fi de la salle éteinte",
					"Wi-Fi absent en salle Rhône")),
			entry("Le Wi-Fi décroche sans arrêt à l'entrepôt", List.of("Le Wi-Fi décroche sans arrêt à l'entrepôt",
					"Les scanners perdent le réseau au quai B", "Coupures Wi-Fi toutes les cinq minutes dans l'entrepôt",
					"Connexion sans fil instable côté expédition", "Terminaux de quai déconnectés en permanence",
					"Wi-Fi très faible au fond de l'entrepôt")),
			entry("Plus de tonalité sur mon poste fixe", List.of("Plus de tonalité sur mon poste fixe",
					"Téléphone de bureau muet", "Mon fixe affiche réseau indisponible", "Ligne fixe coupée depuis ce matin",
					"Impossible d'appeler depuis mon bureau", "Le combiné ne sonne plus")),
			entry("Les mails n'arrivent plus sur mon téléphone", List.of("Les mails n'arrivent plus sur mon téléphone",
					"Messagerie qui ne se synchronise plus sur le smartphone",
					"Outlook mobile demande sans cesse le mot de passe", "Plus de mails sur mon portable pro",
					"Synchronisation des mails bloquée sur l'iPhone", "Boîte mail vide sur mon téléphone")),
			entry("Connexion VPN impossible depuis mon domicile", List.of("Connexion VPN impossible depuis mon domicile",
					"Le VPN refuse mon authentification", "Échec d'authentification sur le client VPN",
					"Impossible de me connecter au VPN en télétravail", "VPN : certificat expiré",
					"Accès au réseau de l'entreprise impossible depuis chez moi")),
			entry("VPN très lent en télétravail", List.of("VPN très lent en télétravail",
					"Fichiers du serveur interminables à ouvrir à distance", "Débit VPN catastrophique",
					"Lenteurs sur le VPN depuis la maison", "Le réseau de l'entreprise rame en VPN",
					"Accès distant au serveur très lent")),
			entry("Internet très lent sur tout le site de Villeurbanne", List.of(
					"Internet très lent sur tout le site de Villeurbanne", "Navigation web quasi impossible à l'entrepôt",
					"Les étiquettes transporteur ne s'impriment plus, Internet saturé", "Débit Internet effondré à Villeurbanne",
					"Sites web qui ne chargent plus à l'entrepôt", "Connexion Internet du site très dégradée")),
			entry("Lecteur réseau P: inaccessible", List.of("Lecteur réseau P: inaccessible",
					"Le lecteur P: a une croix rouge", "Dossiers du service introuvables",
					"Partage réseau du service inaccessible", "Impossible d'ouvrir le serveur de fichiers",
					"Mes lecteurs réseau ont disparu")),
			entry("Excel se ferme à l'ouverture d'un fichier", List.of("Excel se ferme à l'ouverture d'un fichier",
					"Excel plante sur le fichier de suivi des commandes", "Fermeture brutale d'Excel sans message",
					"Le fichier des commandes fait planter Excel", "Excel quitte tout seul",
					"Tableur qui crashe à l'ouverture")),
			entry("Erreur à la validation des factures dans l'ERP", List.of(
					"Erreur à la validation des factures dans l'ERP", "Erreur 504 en validant un lot de factures",
					"Impossible de valider les factures fournisseurs", "L'ERP plante à la validation comptable",
					"Lot de factures bloqué dans l'ERP", "Clôture bloquée : validation des factures en échec")),
			entry("Boîte aux lettres pleine", List.of("Boîte aux lettres pleine", "Outlook refuse d'envoyer, quota atteint",
					"Messagerie saturée", "Plus de place dans ma boîte mail", "Quota de messagerie dépassé",
					"Impossible d'envoyer des mails : boîte pleine")),
			entry("Mes mails à un client sont rejetés", List.of("Mes mails à un client sont rejetés",
					"Messages refusés par le serveur d'un client", "Mes envois vers un client reviennent en erreur",
					"Un client ne reçoit plus nos mails", "Retour « message refusé » sur tous mes mails",
					"Courriels bloqués chez un client important")));

	/** The English wordings of each incident topic, by the topic's title. */
	static final Map<String, English> ENGLISH = Map.ofEntries(
			english("Le PC ne démarre plus depuis ce matin", List.of("My desktop won't boot", "Black screen when I switch on my PC", "Computer stuck on the startup logo"),
					"The computer stays on a black screen after the logo; the power light is on."),
			english("Ordinateur très lent à l'ouverture de session", List.of("Very slow login on my PC", "Windows takes ages to open my session", "Applications freezing all the time"),
					"It takes ten minutes to log in and applications keep freezing."),
			english("Batterie du portable qui ne tient plus la charge", List.of("Laptop battery drains in twenty minutes", "Laptop dies quickly when unplugged", "Battery no longer holds a charge"),
					"My laptop shuts down after twenty minutes on battery, which is awkward at client meetings."),
			english("Écran du portable fissuré", List.of("Cracked laptop screen", "Laptop display broken after a fall", "Half of my laptop screen is black"),
					"My laptop screen cracked on the train; its right half is unreadable."),
			english("Écran qui clignote", List.of("Flickering monitor", "Screen keeps going black for a second", "Second monitor loses its signal"),
					"My screen flickers every few seconds and goes black at times."),
			english("Clavier sans fil qui ne répond plus", List.of("Wireless keyboard not responding", "Keyboard stopped typing this morning", "Bluetooth keyboard keeps disconnecting"),
					"My wireless keyboard stopped typing this morning; the mouse still works."),
			english("La station d'accueil ne reconnaît plus les écrans", List.of("Docking station no longer detects my monitors", "No display through the USB-C dock", "External screens stay black on the dock"),
					"When I plug my laptop into the dock, both monitors stay black."),
			english("Imprimante du 2e étage bloquée", List.of("Paper jam on the open-space printer", "Copier on the ground floor keeps jamming", "Sheet stuck in the purchasing department's printer"),
					"The printer says paper jam in tray 2 but no sheet is visible."),
			english("Bourrages à répétition sur l'imprimante de l'accueil", List.of("Reception printer keeps jamming", "Double-sided printing fails at reception", "Crumpled paper from the front-desk printer"),
					"The reception printer jams on almost every double-sided print."),
			english("Impressions pâles et striées", List.of("Faded, streaky prints", "Vertical lines on every printout", "Print quality very poor despite new toner"),
					"Documents come out pale with vertical lines, even after shaking the toner."),
			english("Impossible d'imprimer depuis la mise à jour Windows", List.of("Can't print since the Windows update", "Documents stuck in the print queue", "Printer shows offline on my PC"),
					"Since last night's update, my documents stay stuck in the print queue."),
			english("Pas de Wi-Fi en salle de réunion", List.of("No Wi-Fi in the meeting room", "Wireless network missing in the Confluence room", "Can't get online to present in room 3"),
					"The Wi-Fi network doesn't show up in the Confluence room; I can't project for the 2 pm client meeting."),
			english("Le Wi-Fi décroche sans arrêt à l'entrepôt", List.of("Wi-Fi keeps dropping around dock B", "Scanners lose the network every few minutes", "Weak wireless signal at the back of the warehouse"),
					"Scanners and laptops lose the Wi-Fi every five minutes around dock B."),
			english("Plus de tonalité sur mon poste fixe", List.of("No dial tone on my desk phone", "Desk phone says network unavailable", "My office line is dead"),
					"My desk phone shows \"network unavailable\" and there is no dial tone."),
			english("Les mails n'arrivent plus sur mon téléphone", List.of("Emails no longer arrive on my phone", "Mail app on my smartphone stopped syncing", "Outlook mobile keeps asking for my password"),
					"Since I changed my password, my smartphone no longer receives emails."),
			english("Connexion VPN impossible depuis mon domicile", List.of("VPN connection fails from home", "VPN rejects my credentials", "Expired certificate on the VPN client"),
					"The VPN client says \"authentication failed\" although my password works at the office."),
			english("VPN très lent en télétravail", List.of("VPN very slow when working from home", "Remote files take minutes to open", "Poor VPN throughput from home"),
					"Working from home, opening a file on the server takes several minutes."),
			english("Internet très lent sur tout le site de Villeurbanne", List.of("Internet crawling across the warehouse", "Websites won't load at the warehouse", "Carrier labels stuck, Internet saturated"),
					"Since 9 am the Internet is extremely slow for the whole warehouse; carrier labels no longer print."),
			english("Lecteur réseau P: inaccessible", List.of("Network drive P: unavailable", "Department folders have disappeared", "Can't reach the file server"),
					"Drive P: shows a red cross; I can't open the department's folders."),
			english("Excel se ferme à l'ouverture d'un fichier", List.of("Excel closes when I open a file", "Excel crashes on the order tracking file", "Spreadsheet app quits on its own"),
					"Excel closes without any message as soon as I open the order tracking file."),
			english("Erreur à la validation des factures dans l'ERP", List.of("Error when validating invoices in the ERP", "Invoice batch blocked in the ERP", "Error 504 on supplier invoices"),
					"\"Error 504\" when I validate a batch of supplier invoices. Urgent for the month-end close."),
			english("Boîte aux lettres pleine", List.of("Mailbox full", "Outlook won't send, quota reached", "No space left in my mailbox"), "Outlook says my mailbox is full and I can't send emails any more."),
			english("Mes mails à un client sont rejetés", List.of("My emails to a client bounce", "A customer's mail server rejects us", "Messages refused by an important customer"),
					"All my emails to an important client come back with \"message refused\"."));

	private final Map<String, Integer> used = new HashMap<>();

	/**
	 * The next wording of the topic for that requester: for an incident, its next French wording in
	 * turn, or its English one for a requester whose language is English; otherwise the topic's own
	 * title and description.
	 */
	Wording next(Topic topic, User requester) {
		List<String> french = FRENCH.get(topic.title());
		if (french == null) {
			return new Wording(topic.title(), topic.description());
		}
		if ("en".equals(requester.getLanguage())) {
			English english = ENGLISH.get(topic.title());
			return new Wording(inTurn("en " + topic.title(), english.titles(), topic), english.description());
		}
		return new Wording(inTurn(topic.title(), french, topic), topic.description());
	}

	/** The next of the titles under that key; each topic starts at another one, so the first tickets are not all the first wordings. */
	private String inTurn(String key, List<String> titles, Topic topic) {
		int turn = used.merge(key, 1, Integer::sum) + DemoCatalogue.TOPICS.indexOf(topic);
		return titles.get(turn % titles.size());
	}

	private static Map.Entry<String, English> english(String topic, List<String> titles, String description) {
		return entry(topic, new English(titles, description));
	}

}
