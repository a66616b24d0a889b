package org.guichet.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.text.Folding;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The people, support groups and category tree of the demo organisation, a small industrial
 * company around Lyon.
 */
@Component
class DemoOrganisation {

	static final String PASSWORD = "demo";

	static final String EMAIL_DOMAIN = "demo.guichet.example";

	static final String N1 = "N1 Support";

	static final String N2 = "N2 Systèmes & Réseau";

	static final String N3 = "N3 Experts & fournisseurs";

	private static final String SIEGE = "Lyon siège";

	private static final String ENTREPOT = "Villeurbanne entrepôt";

	private static final String USINE = "Vénissieux usine";

	private static final String AGENCE = "Paris agence";

	private static final String INFORMATIQUE = "Informatique";

	/** The first person of each department is its manager. */
	static final List<Person> PEOPLE = List.of(
			new Person("cmorel", "Catherine Morel", "Direction", SIEGE, Role.REQUESTER, "fr"),
			new Person("hblanc", "Hugo Blanc", "Direction", SIEGE, Role.REQUESTER, "fr"),
			new Person("manager", "Philippe Garnier", INFORMATIQUE, SIEGE, Role.SUPERVISOR, "fr"),
			new Person("admin", "Sophie Lambert", INFORMATIQUE, SIEGE, Role.ADMINISTRATOR, "fr"),
			new Person("tech1", "Julien Martin", INFORMATIQUE, SIEGE, Role.TECHNICIAN, "fr"),
			new Person("tech2", "Nadia Benali", INFORMATIQUE, SIEGE, Role.TECHNICIAN, "fr"),
			new Person("tpetit", "Thomas Petit", INFORMATIQUE, SIEGE, Role.TECHNICIAN, "fr"),
			new Person("lroux", "Léa Roux", INFORMATIQUE, ENTREPOT, Role.TECHNICIAN, "fr"),
			new Person("khaddad", "Karim Haddad", INFORMATIQUE, SIEGE, Role.TECHNICIAN, "fr"),
			new Person("mfontaine", "Marc Fontaine", INFORMATIQUE, SIEGE, Role.TECHNICIAN, "fr"),
			new Person("echevalier", "Élodie Chevalier", INFORMATIQUE, SIEGE, Role.TECHNICIAN, "en"),
			new Person("idurand", "Isabelle Durand", "Comptabilité", SIEGE, Role.REQUESTER, "fr"),
			new Person("alice", "Alice Dupont", "Comptabilité", SIEGE, Role.REQUESTER, "fr"),
			new Person("mroussel", "Mathieu Roussel", "Comptabilité", SIEGE, Role.REQUESTER, "fr"),
			new Person("cfaure", "Chantal Faure", "Comptabilité", SIEGE, Role.REQUESTER, "fr"),
			new Person("ngirard", "Nathalie Girard", "Ressources humaines", SIEGE, Role.REQUESTER, "fr"),
			new Person("pandre", "Pauline André", "Ressources humaines", SIEGE, Role.REQUESTER, "fr"),
			new Person("scolin", "Sébastien Colin", "Ressources humaines", SIEGE, Role.REQUESTER, "fr"),
			new Person("fbonnet", "François Bonnet", "Commercial", SIEGE, Role.REQUESTER, "fr"),
			new Person("bob", "Bob Wilson", "Commercial", SIEGE, Role.REQUESTER, "en"),
			new Person("cfournier", "Camille Fournier", "Commercial", SIEGE, Role.REQUESTER, "fr"),
			new Person("alemaire", "Antoine Lemaire", "Commercial", SIEGE, Role.REQUESTER, "fr"),
			new Person("eclarke", "Emily Clarke", "Commercial", AGENCE, Role.REQUESTER, "en"),
			new Person("ycherif", "Yasmine Cherif", "Commercial", AGENCE, Role.REQUESTER, "fr"),
			new Person("lgauthier", "Lucas Gauthier", "Commercial", AGENCE, Role.REQUESTER, "fr"),
			new Person("pmercier", "Patrick Mercier", "Production", USINE, Role.REQUESTER, "fr"),
			new Person("sperrin", "Sandrine Perrin", "Production", USINE, Role.REQUESTER, "fr"),
			new Person("mlamri", "Mehdi Lamri", "Production", USINE, Role.REQUESTER, "fr"),
			new Person("grobin", "Gérard Robin", "Production", USINE, Role.REQUESTER, "fr"),
			new Person("cmasson", "Céline Masson", "Production", USINE, Role.REQUESTER, "fr"),
			new Person("kmuller", "Kevin Muller", "Production", USINE, Role.REQUESTER, "fr"),
			new Person("orenaud", "Olivier Renaud", "Logistique", ENTREPOT, Role.REQUESTER, "fr"),
			new Person("anoel", "Aurélie Noël", "Logistique", ENTREPOT, Role.REQUESTER, "fr"),
			new Person("dpicard", "Damien Picard", "Logistique", ENTREPOT, Role.REQUESTER, "fr"),
			new Person("fdiallo", "Fatou Diallo", "Logistique", ENTREPOT, Role.REQUESTER, "fr"),
			new Person("jmiller", "John Miller", "Logistique", ENTREPOT, Role.REQUESTER, "en"),
			new Person("vhenry", "Valérie Henry", "Achats", SIEGE, Role.REQUESTER, "fr"),
			new Person("rleclerc", "Romain Leclerc", "Achats", SIEGE, Role.REQUESTER, "fr"),
			new Person("iboyer", "Inès Boyer", "Achats", SIEGE, Role.REQUESTER, "fr"));

	private static final Map<String, List<String>> CATEGORIES = categoryTree();

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final CategoryRepository categories;

	private final PasswordEncoder passwords;

	private final Clock clock;

	DemoOrganisation(UserRepository users, SupportGroupRepository groups, CategoryRepository categories,
			PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.groups = groups;
		this.categories = categories;
		this.passwords = passwords;
		this.clock = clock;
	}

	Organisation create(Random random) {
		// A demo password is meant to be short and known, so it bypasses the strength rule of
		// Accounts.encode. It is hashed once: the password hash is slow on purpose.
		String passwordHash = passwords.encode(PASSWORD);
		Instant joined = clock.instant().minus(400, ChronoUnit.DAYS);
		Map<String, User> byUsername = new LinkedHashMap<>();
		Map<String, User> managers = new LinkedHashMap<>();
		for (Person person : PEOPLE) {
			User user = new User(person.username(), passwordHash, person.fullName(), person.role(), joined);
			user.setEmail(emailOf(person.fullName()));
			user.setPhone(phone(person, random));
			user.setDepartment(person.department());
			user.setLocation(person.location());
			user.setLanguage(person.language());
			User manager = managers.putIfAbsent(person.department(), user);
			user.setManager(manager == null ? managers.get("Direction") : manager);
			byUsername.put(person.username(), user);
		}
		User director = byUsername.get("cmorel");
		director.setVip(true);
		director.setManager(null);
		users.saveAll(byUsername.values());

		SupportGroup n1 = group(N1, SupportLevel.N1, byUsername, "tech1", "tpetit", "lroux", "manager");
		SupportGroup n2 = group(N2, SupportLevel.N2, byUsername, "tech2", "khaddad", "manager");
		SupportGroup n3 = group(N3, SupportLevel.N3, byUsername, "mfontaine", "echevalier");
		groups.saveAll(List.of(n1, n2, n3));

		Map<String, Category> leaves = new LinkedHashMap<>();
		CATEGORIES.forEach((rootName, children) -> {
			Category root = categories.save(new Category(rootName, null));
			if (children.isEmpty()) {
				leaves.put(rootName, root);
			}
			for (String child : children) {
				leaves.put(rootName + "/" + child, categories.save(new Category(child, root)));
			}
		});
		List<User> requesters = byUsername.values().stream().filter(u -> !INFORMATIQUE.equals(u.getDepartment())).toList();
		return new Organisation(byUsername, requesters, n1, n2, n3, leaves);
	}

	private static SupportGroup group(String name, SupportLevel level, Map<String, User> people, String... members) {
		SupportGroup group = new SupportGroup(name, level);
		for (String member : members) {
			group.getMembers().add(people.get(member));
		}
		return group;
	}

	static String emailOf(String fullName) {
		return Folding.fold(fullName).replace(' ', '.') + "@" + EMAIL_DOMAIN;
	}

	/** A person's phone number; drawn first from the demo's seed, one person after the other in {@link #PEOPLE}'s order. */
	static String phone(Person person, Random random) {
		String prefix = switch (person.location()) {
			case AGENCE -> "+33 1 44";
			case USINE -> "+33 4 78";
			default -> "+33 4 72";
		};
		if (person.department().equals("Commercial")) {
			int block = 10 + random.nextInt(90);
			// 06 39 is Mayotte's and 06 90 to 06 97 are not assigned: no valid French mobile number
			// (libphonenumber, the SMS channel), so they become 06 40 to 06 49
			prefix = "+33 6 " + (block == 39 || (block >= 90 && block <= 97) ? 40 + block % 10 : block);
		}
		return String.format(Locale.ROOT, "%s %02d %02d %02d", prefix, random.nextInt(100), random.nextInt(100),
				random.nextInt(100));
	}

	private static Map<String, List<String>> categoryTree() {
		Map<String, List<String>> tree = new LinkedHashMap<>();
		tree.put("Poste de travail", List.of("Ordinateur fixe", "Portable", "Écran", "Périphériques"));
		tree.put("Imprimante", List.of("Bourrage papier", "Toner", "Pilote"));
		tree.put("Wi-Fi", List.of());
		tree.put("Téléphonie", List.of("Téléphone fixe", "Mobile"));
		tree.put("Réseau", List.of("VPN", "Accès Internet", "Partage de fichiers"));
		tree.put("Logiciels", List.of("Bureautique", "ERP", "Messagerie"));
		tree.put("Comptes et accès", List.of("Mot de passe", "Nouvel arrivant", "Droits d'accès"));
		return tree;
	}

	record Person(String username, String fullName, String department, String location, Role role,
			String language) {
	}

	/**
	 * What the tickets are written with.
	 *
	 * @param requesters everyone outside the IT department
	 * @param leaves the categories a ticket is filed in, by path ("Imprimante/Toner", "Wi-Fi")
	 */
	record Organisation(Map<String, User> people, List<User> requesters, SupportGroup n1, SupportGroup n2,
			SupportGroup n3, Map<String, Category> leaves) {

		User person(String username) {
			return people.get(username);
		}

		List<User> technicians(SupportGroup group) {
			return group.getMembers().stream().filter(m -> m.getRole() == Role.TECHNICIAN).toList();
		}

	}

}
