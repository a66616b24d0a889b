package org.guichet.demo;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.guichet.demo.DemoCatalogue.Topic;
import org.guichet.tickets.Impact;
import org.guichet.tickets.Urgency;

import static org.guichet.tickets.TicketType.INCIDENT;

/**
 * The problems that genuinely come back in the demo desk, each of the kind a supervisor would
 * open a problem for (docs/KPIS.md, "Recurring incidents"): one salesman's VPN dropping again and
 * again over three weeks, and the Direction's docking station two months ago (same requester);
 * the warehouse's Wi-Fi going down one morning for five people at once (a burst at one site); the
 * 2nd floor's printer jamming every week for whoever prints there (near-identical titles). The
 * rest of the demo's incidents are worded each in their own way ({@link DemoWordings}), so these
 * stand out as they would on a real desk.
 */
final class DemoRecurrences {

	/**
	 * One incident of a recurrence.
	 *
	 * @param topic its category, type, priority, title, description and solution
	 * @param requester the requester's username ({@link DemoOrganisation})
	 * @param workingDaysAgo registered that many working days before today (0: today)
	 * @param at the local time it was registered at
	 */
	record Occurrence(Topic topic, String requester, int workingDaysAgo, LocalTime at) {
	}

	static final List<Occurrence> OCCURRENCES = occurrences();

	private DemoRecurrences() {
	}

	private static List<Occurrence> occurrences() {
		List<Occurrence> all = new ArrayList<>();
		String vpnFix = "Carte Wi-Fi du portable mise en veille par la gestion d'énergie : réglage corrigé, client VPN mis à jour.";
		all.add(vpn("Le VPN se coupe en pleine visio",
				"En réunion Teams depuis l'hôtel, le VPN se coupe au bout de quelques minutes et je perds la réunion.",
				vpnFix, 17, LocalTime.of(9, 12)));
		all.add(vpn("Encore des coupures du VPN ce matin",
				"Même chose que la semaine dernière : le VPN décroche dès que je travaille depuis le client.", vpnFix, 12,
				LocalTime.of(8, 47)));
		all.add(vpn("VPN déconnecté toutes les dix minutes",
				"Troisième fois ce mois-ci : le VPN se déconnecte toutes les dix minutes, je dois ressaisir mon code à chaque fois.",
				vpnFix, 8, LocalTime.of(14, 5)));
		all.add(vpn("Coupures VPN à répétition en déplacement",
				"Toujours les mêmes coupures du VPN, cette fois depuis la gare. Pouvez-vous regarder mon portable à mon retour ?",
				vpnFix, 3, LocalTime.of(16, 31)));
		String dockFix = "Station d'accueil remplacée : son alimentation faiblissait et coupait les sorties vidéo.";
		String[][] docks = { { "Mes écrans ne s'affichent plus sur le dock", "50", "09:40" },
				{ "Le dock ne détecte toujours pas mes écrans", "46", "10:15" },
				{ "Station d'accueil : à nouveau aucun affichage", "41", "08:55" } };
		for (String[] dock : docks) {
			all.add(new Occurrence(new Topic("Poste de travail/Périphériques", INCIDENT, Urgency.HIGH, Impact.LOW, dock[0],
					"Les deux écrans restent noirs quand je branche mon portable sur la station d'accueil.", dockFix, false),
					"cmorel", Integer.parseInt(dock[1]), LocalTime.parse(dock[2])));
		}
		String wifiFix = "Commutateur PoE des bornes de l'entrepôt redémarré puis remplacé : toutes les bornes sont revenues.";
		String[][] warehouse = { { "orenaud", "Plus de Wi-Fi au quai B", "08:10" },
				{ "anoel", "Les scanners ne se connectent plus", "08:34" },
				{ "dpicard", "Wi-Fi coupé dans tout l'entrepôt", "08:52" },
				{ "fdiallo", "Terminal de préparation hors réseau", "09:21" },
				{ "jmiller", "No Wi-Fi in the warehouse since this morning", "10:05" } };
		for (String[] call : warehouse) {
			all.add(new Occurrence(new Topic("Wi-Fi", INCIDENT, Urgency.VERY_HIGH, Impact.HIGH, call[1],
					call[0].equals("jmiller") ? "None of the scanners or laptops can connect to the Wi-Fi in the warehouse."
							: "Aucun appareil ne trouve le Wi-Fi dans l'entrepôt depuis le début de la matinée.",
					wifiFix, false), call[0], 6, LocalTime.parse(call[2])));
		}
		String printerFix = "Morceau de papier coincé derrière le module recto verso retiré, rouleaux nettoyés.";
		String[][] printer = { { "idurand", "Imprimante du 2e étage bloquée", "24" },
				{ "ngirard", "L'imprimante du 2ème étage est bloquée", "19" },
				{ "fbonnet", "Imprimante 2e étage encore bloquée", "13" },
				{ "vhenry", "Imprimante du deuxième étage bloquée", "7" },
				{ "mroussel", "2e étage : imprimante bloquée, bourrage", "2" } };
		for (String[] jam : printer) {
			all.add(new Occurrence(new Topic("Imprimante/Bourrage papier", INCIDENT, Urgency.HIGH, Impact.MEDIUM, jam[1],
					"L'imprimante du 2e étage affiche « bourrage papier bac 2 » mais aucune feuille n'est visible.",
					printerFix, false), jam[0], Integer.parseInt(jam[2]), LocalTime.of(10, 30)));
		}
		return List.copyOf(all);
	}

	private static Occurrence vpn(String title, String description, String solution, int workingDaysAgo, LocalTime at) {
		return new Occurrence(new Topic("Réseau/VPN", INCIDENT, Urgency.HIGH, Impact.LOW, title, description, solution,
				false), "alemaire", workingDaysAgo, at);
	}

}
