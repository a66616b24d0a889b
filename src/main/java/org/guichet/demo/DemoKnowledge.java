package org.guichet.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAction;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.Articles;
import org.guichet.tickets.Category;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's knowledge base: thirteen subjects written in French and translated into English
 * (26 articles, every translation a second version of its copy), most published, some to
 * requesters; a draft, one in review, an archived one, a post-incident report of the VPN outage,
 * an article past its review date and one readers found poor, for tech1's "needing my attention"
 * list. Each solution is linked to a resolved demo ticket of its category; requesters answered
 * "Was this helpful?". Written through the knowledge module, with its rules.
 */
@Component
class DemoKnowledge {

	private final Articles articles;

	private final JdbcClient jdbc;

	private final TicketManagement tickets;

	private final Clock clock;

	private final DemoSelfService selfService;

	DemoKnowledge(Articles articles, JdbcClient jdbc, TicketManagement tickets, Clock clock, DemoSelfService selfService) {
		this.articles = articles;
		this.selfService = selfService;
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.clock = clock;
	}

	void create(Organisation organisation) {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		List<CurrentUser> readers = organisation.requesters().stream().limit(6).map(CurrentUser::new).toList();
		CurrentUser alice = new CurrentUser(organisation.person("alice"));
		CurrentUser bob = new CurrentUser(organisation.person("bob"));
		int index = 0;
		for (Subject s : SUBJECTS) {
			CurrentUser owner = new CurrentUser(organisation.person(s.owner()));
			Category category = s.category() == null ? null : organisation.leaves().get(s.category());
			Long categoryId = category == null ? null : category.getId();
			LocalDate review = s.reviewPassed() ? today.minusDays(3) : today.plusMonths(6 + index % 6);
			Article french = articles.create(ArticleContent.of(s.frTitle(), s.frBody(), s.kind(), s.audience(), categoryId,
					s.tags(), review), ArticleLanguage.FR, null, owner);
			Article english = articles.translate(french.getId(), owner);
			articles.update(english.getId(), null, ArticleContent.of(s.enTitle(), s.enBody(), s.kind(), s.audience(),
					categoryId, s.tags(), review), owner);
			for (Article article : List.of(french, english)) {
				if (s.status() == ArticleStatus.PUBLISHED || s.status() == ArticleStatus.ARCHIVED) {
					articles.act(article.getId(), ArticleAction.PUBLISH, null, owner);
				}
				if (s.status() == ArticleStatus.ARCHIVED) {
					articles.act(article.getId(), ArticleAction.ARCHIVE, null, owner);
				}
				if (s.status() == ArticleStatus.IN_REVIEW) {
					articles.act(article.getId(), ArticleAction.SUBMIT, null, owner);
				}
			}
			if (categoryId != null && s.kind() != ArticleKind.FAQ) {
				resolvedTicketOf(categoryId, owner).ifPresent(ticket -> {
					articles.link(french.getId(), ticket, owner);
					articles.link(english.getId(), ticket, owner);
				});
			}
			if (s.status() == ArticleStatus.PUBLISHED) {
				// Read before answered, and read more than answered: views are never fewer than votes.
				for (CurrentUser agent : List.of(owner, new CurrentUser(organisation.person("tech1")),
						new CurrentUser(organisation.person("tech2")))) {
					articles.read(french.getId(), agent);
					articles.read(english.getId(), agent);
				}
			}
			if (s.status() == ArticleStatus.PUBLISHED && s.audience() == ArticleAudience.PUBLIC) {
				for (int r = 0; r < readers.size(); r++) {
					articles.read(french.getId(), readers.get(r));
				}
				articles.read(english.getId(), alice);
				articles.read(english.getId(), bob);
				for (int r = 0; r < readers.size(); r++) {
					boolean helpful = s.poorlyRated() ? r % 3 == 0 : r % 4 != 3;
					if ((index + r) % 2 == 0 || s.poorlyRated()) {
						articles.giveFeedback(french.getId(), helpful,
								helpful ? null : s.poorlyRated() ? "Les captures ne correspondent plus à l’écran actuel." : null,
								readers.get(r));
					}
				}
				articles.giveFeedback(english.getId(), !s.poorlyRated(),
						s.poorlyRated() ? "The screenshots no longer match what I see." : "Clear, thank you.", alice);
				articles.giveFeedback(english.getId(), true, null, bob);
			}
			index++;
		}
		// A later correction of the Wi-Fi article: its history and diff have something to show.
		Article wifi = articles.list(new org.guichet.knowledge.ArticleFilter(null, null, null, ArticleLanguage.FR, null, null,
				"wi-fi", 0, 1), new CurrentUser(organisation.person("tech1"))).articles().get(0);
		articles.update(wifi.getId(), null, ArticleContent.of(wifi.getTitle(), wifi.getBody().replace("Oubliez le réseau",
				"Ouvrez les paramètres Wi-Fi, oubliez le réseau") + "\n\nSi le problème persiste, redémarrez le poste.",
				wifi.getKind(), wifi.getAudience(), wifi.getCategoryId(), List.copyOf(wifi.getTags()), wifi.getReviewOn()),
				new CurrentUser(organisation.person("tech2")));
		selfService.create(organisation);
	}

	/** The first resolved or closed ticket of the category that the author sees, if any. */
	private java.util.Optional<TicketId> resolvedTicketOf(long categoryId, CurrentUser author) {
		return jdbc.sql("select id from ticket where category_id = :category and status in ('RESOLVED', 'CLOSED')"
				+ " order by id fetch first 50 rows only")
			.param("category", categoryId)
			.query(Long.class)
			.list()
			.stream()
			.map(TicketId::new)
			.filter(id -> tickets.findVisible(id, author).isPresent())
			.findFirst();
	}

	/** One subject of the demo's knowledge base, written in French and in English. */
	private record Subject(String category, ArticleKind kind, ArticleAudience audience, ArticleStatus status,
			String owner, List<String> tags, boolean reviewPassed, boolean poorlyRated, String frTitle, String frBody,
			String enTitle, String enBody) {
	}

	private static final ArticleAudience PUBLIC = ArticleAudience.PUBLIC;

	private static final ArticleAudience INTERNAL = ArticleAudience.INTERNAL;

	private static final ArticleStatus PUBLISHED = ArticleStatus.PUBLISHED;

	private static final List<Subject> SUBJECTS = List.of(
			new Subject("Imprimante/Bourrage papier", ArticleKind.SOLUTION, PUBLIC, PUBLISHED, "tech1",
					List.of("imprimante", "bourrage"), false, false, "Dégager un bourrage papier", """
							## Problème

							L’imprimante affiche « Bourrage papier » et n’imprime plus.

							## Solution

							1. Éteignez l’imprimante.
							2. Ouvrez le capot avant et retirez doucement la feuille coincée, dans le sens du papier.
							3. Vérifiez le bac : pas plus de 250 feuilles, bien calées.
							4. Rallumez l’imprimante et relancez l’impression.

							Si le bourrage revient trois fois dans la journée, ouvrez une demande : le rouleau d’entraînement est sans doute usé.""",
					"Clearing a paper jam", """
							## Problem

							The printer shows "Paper jam" and stops printing.

							## Solution

							1. Switch the printer off.
							2. Open the front cover and gently pull the stuck sheet out, in the direction of the paper.
							3. Check the tray: no more than 250 sheets, well aligned.
							4. Switch the printer on and print again.

							If the jam comes back three times in a day, open a request: the pick-up roller is probably worn."""),
			new Subject("Imprimante/Toner", ArticleKind.FAQ, PUBLIC, PUBLISHED, "tech1", List.of("imprimante", "toner"), false,
					true, "Commander un toner", """
							Les toners sont commandés par le service informatique. Ouvrez une demande dans la catégorie \
							**Imprimante › Toner** en indiquant le numéro d’inventaire collé sur l’imprimante.

							Un toner de secours est rangé dans l’armoire du 2ᵉ étage.""", "Ordering toner", """
							Toner is ordered by the IT department. Open a request in the category **Printer › Toner** \
							with the inventory number stuck on the printer.

							A spare toner is kept in the cupboard on the 2nd floor."""),
			new Subject("Wi-Fi", ArticleKind.SOLUTION, PUBLIC, PUBLISHED, "tech1", List.of("wi-fi", "réseau"), false, false,
					"Le Wi-Fi se connecte mais sans Internet", """
							## Problème

							Le poste est connecté au Wi-Fi « Guichet-Corp » mais aucune page ne s’ouvre.

							## Solution

							Oubliez le réseau, puis reconnectez-vous avec votre identifiant habituel. Le certificat \
							du réseau a été renouvelé : il faut l’accepter de nouveau.""", "Wi-Fi connected but no Internet", """
							## Problem

							The computer is connected to the "Guichet-Corp" Wi-Fi but no page opens.

							## Solution

							Forget the network, then connect again with your usual login. The network's certificate \
							was renewed: it must be accepted again."""),
			new Subject("Réseau/VPN", ArticleKind.POST_INCIDENT, INTERNAL, PUBLISHED, "tech2", List.of("vpn", "incident majeur"),
					false, false, "Rapport post-incident : panne du VPN", """
							## Résumé

							Le VPN a refusé toutes les connexions pendant 2 h 10 un mardi matin.

							## Impact

							Environ 140 personnes en télétravail sans accès aux applications internes ; 37 tickets ouverts.

							## Chronologie

							- 08:05 — premiers tickets « VPN impossible »
							- 08:20 — incident majeur déclaré, annonce publiée
							- 09:40 — cause identifiée
							- 10:15 — service rétabli

							## Cause première

							Le certificat du concentrateur VPN avait expiré ; l’alerte d’expiration partait vers une boîte qui n’existe plus.

							## Contournement

							Aucun côté utilisateur.

							## Correction définitive

							Certificat renouvelé pour deux ans, renouvellement automatique activé.

							## Actions

							- Alerte d’expiration envoyée à l’équipe N2 (fait)
							- Revue trimestrielle des certificats (à faire)""", "Post-incident report: VPN outage", """
							## Summary

							The VPN refused every connection for 2 h 10 on a Tuesday morning.

							## Impact

							About 140 people working from home without the internal applications; 37 tickets opened.

							## Timeline

							- 08:05 — first "VPN impossible" tickets
							- 08:20 — major incident declared, announcement published
							- 09:40 — cause found
							- 10:15 — service restored

							## Root cause

							The VPN gateway's certificate had expired; the expiry alert went to a mailbox that no longer exists.

							## Workaround

							None on the users' side.

							## Permanent fix

							Certificate renewed for two years, automatic renewal switched on.

							## Actions

							- Expiry alert sent to the N2 team (done)
							- Quarterly review of the certificates (to do)"""),
			new Subject("Réseau/VPN", ArticleKind.PROCEDURE, PUBLIC, PUBLISHED, "tech2", List.of("vpn", "télétravail"), true,
					false, "Se connecter au VPN depuis la maison", """
							1. Lancez **GlobalConnect** depuis le menu Démarrer.
							2. Saisissez votre identifiant et votre mot de passe Windows.
							3. Validez la notification sur votre téléphone.

							L’icône devient verte une fois connecté.""", "Connecting to the VPN from home", """
							1. Start **GlobalConnect** from the Start menu.
							2. Type your Windows login and password.
							3. Approve the notification on your phone.

							The icon turns green once connected."""),
			new Subject("Comptes et accès/Mot de passe", ArticleKind.FAQ, PUBLIC, PUBLISHED, "tech1",
					List.of("mot de passe", "compte"), false, false, "Mot de passe oublié", """
							Sur la page de connexion, cliquez sur **Mot de passe oublié** : un lien vous est envoyé \
							par e-mail, valable trente minutes. Le nouveau mot de passe doit compter au moins 10 caractères.""",
					"Forgotten password", """
							On the login page, click **Forgotten password**: a link valid for thirty minutes is sent to you \
							by e-mail. The new password needs at least 10 characters."""),
			new Subject("Comptes et accès/Nouvel arrivant", ArticleKind.PROCEDURE, INTERNAL, PUBLISHED, "manager",
					List.of("arrivée", "compte"), false, false, "Préparer l’arrivée d’un collaborateur", """
							- Créer le compte dans l’annuaire la veille au plus tard
							- Préparer le portable (image standard, chiffrement)
							- Ajouter aux groupes du service
							- Remettre le badge et la fiche « Premiers pas »""", "Preparing a newcomer's arrival", """
							- Create the directory account the day before at the latest
							- Prepare the laptop (standard image, encryption)
							- Add to the department's groups
							- Hand over the badge and the "First steps" sheet"""),
			new Subject("Logiciels/Messagerie", ArticleKind.KNOWN_ERROR, PUBLIC, PUBLISHED, "tech1",
					List.of("messagerie", "outlook"), false, false, "Erreur connue : Outlook demande le mot de passe en boucle", """
							Depuis la dernière mise à jour, Outlook peut redemander le mot de passe sans fin.

							**Contournement :** fermez Outlook, ouvrez le Gestionnaire d’identification Windows, \
							supprimez les entrées « MicrosoftOffice », puis relancez Outlook.

							Le correctif de l’éditeur est attendu.""", "Known error: Outlook asks for the password again and again", """
							Since the last update, Outlook may ask for the password endlessly.

							**Workaround:** close Outlook, open the Windows Credential Manager, delete the \
							"MicrosoftOffice" entries, then start Outlook again.

							The vendor's fix is expected."""),
			new Subject("Logiciels/ERP", ArticleKind.SOLUTION, INTERNAL, ArticleStatus.IN_REVIEW, "tech2",
					List.of("erp", "lenteur"), false, false, "ERP lent en fin de mois", """
							## Problème

							Les écrans de l’ERP mettent plus de 10 s à s’afficher les derniers jours du mois.

							## Solution

							Le traitement de clôture tourne en journée : il a été replanifié à 21 h.""", "Slow ERP at the end of the month", """
							## Problem

							ERP screens take more than 10 s to show during the last days of the month.

							## Solution

							The closing batch ran during the day: it was rescheduled to 9 pm."""),
			new Subject("Poste de travail/Écran", ArticleKind.SOLUTION, PUBLIC, PUBLISHED, "tech1", List.of("écran", "affichage"),
					false, false, "Écran noir au démarrage", """
							Vérifiez que le câble est bien branché des deux côtés, puis appuyez sur **Windows + Ctrl + Maj + B** \
							pour relancer le pilote graphique.""", "Black screen at start-up", """
							Check that the cable is plugged in at both ends, then press **Windows + Ctrl + Shift + B** \
							to restart the graphics driver."""),
			new Subject("Téléphonie/Mobile", ArticleKind.FAQ, PUBLIC, PUBLISHED, "tech2", List.of("mobile", "messagerie"), false,
					false, "Configurer la messagerie sur un mobile", """
							Installez l’application **Outlook** depuis le magasin d’applications, puis connectez-vous avec \
							votre adresse professionnelle. L’application de gestion des mobiles vous sera proposée.""",
					"Setting up mail on a mobile phone", """
							Install the **Outlook** app from the app store, then sign in with your work address. The \
							mobile management app will be offered to you."""),
			new Subject("Réseau/Partage de fichiers", ArticleKind.PROCEDURE, INTERNAL, ArticleStatus.DRAFT, "tech2",
					List.of("partage", "droits"), false, false, "Restaurer un fichier d’un partage", """
							Les partages sont sauvegardés chaque nuit. Clic droit sur le dossier › **Versions précédentes**.

							_À compléter : restauration au-delà de 30 jours._""", "Restoring a file of a share", """
							Shares are backed up every night. Right-click the folder › **Previous versions**.

							_To complete: restoring beyond 30 days._"""),
			new Subject("Logiciels/Bureautique", ArticleKind.SOLUTION, PUBLIC, ArticleStatus.ARCHIVED, "tech1",
					List.of("bureautique", "macro"), false, false, "Activer les macros d’un ancien classeur", """
							Ancienne procédure : les macros sont désormais bloquées par la politique de sécurité.""",
					"Enabling the macros of an old workbook", """
							Old procedure: macros are now blocked by the security policy."""));

}
