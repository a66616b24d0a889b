package org.guichet.demo;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.presentation.pages.AuthorPages;
import org.guichet.presentation.pages.PageDefinition;
import org.springframework.stereotype.Component;

/**
 * The demo's own presentation pages, in French like the rest of the demo, written by its
 * supervisor through {@link AuthorPages}: what the desk means to its team, the demands it
 * handles with its own examples, its good practices and the improvements it proposes.
 */
@Component
class DemoPages {

	private final AuthorPages pages;

	DemoPages(AuthorPages pages) {
		this.pages = pages;
	}

	void create(Organisation organisation) {
		CurrentUser manager = new CurrentUser(organisation.person("manager"));
		pages.create(PageDefinition.of("Notre centre de services", "notre-centre-de-services", """
				Le centre de services est **le point d’entrée unique** de tous les collaborateurs pour \
				leurs demandes informatiques : une panne, un accès, un poste à préparer, une question sur un \
				logiciel.

				Pour l’équipe, c’est d’abord un engagement : chaque demande est enregistrée, suivie et \
				close avec l’accord du demandeur. Rien ne se perd dans une boîte aux lettres ou un couloir.

				Ce travail nous a permis de :

				- rendre visibles les délais que nous tenons et ceux que nous manquons ;
				- partager les solutions entre niveaux 1 et 2 au lieu de les redécouvrir ;
				- parler avec les services de chiffres plutôt que d’impressions.

				> « Un ticket bien décrit, c’est une demi-solution. » — l’équipe du niveau 1"""), manager);
		pages.create(PageDefinition.of("Les demandes que nous traitons", "les-demandes", """
				Nous distinguons trois familles de demandes, car elles ne se traitent pas de la même façon.

				| Famille | Ce que c’est | Exemple vécu |
				|---|---|---|
				| **Incident** | Quelque chose qui marchait ne marche plus | L’imprimante du 2e étage bloque les impressions de la comptabilité |
				| **Demande de service** | Un besoin prévu au catalogue | Ouvrir un compte et préparer le poste d’un nouvel arrivant |
				| **Assistance** | Une question, un « comment faire » | Partager un agenda Outlook avec son équipe |

				Un incident est priorisé selon son **impact** et son **urgence** ; une demande de service \
				suit le délai prévu par sa catégorie ; une assistance est souvent résolue dès le premier appel.

				Les exemples marqués dans Guichet illustrent chacune de ces familles dans le dossier de \
				présentation."""), manager);
		pages.create(PageDefinition.of("Bonnes pratiques et pistes d’amélioration", "bonnes-pratiques", """
				## Ce que nous faisons déjà

				1. Toute demande passe par un ticket, même quand elle arrive par téléphone.
				2. Le niveau 1 qualifie : catégorie, impact et urgence sont vérifiés avant l’affectation.
				3. Une escalade vers le niveau 2 porte toujours sa raison.
				4. La solution est rédigée pour être réutilisée (contournement ou définitive).

				## Ce que nous proposons

				- Publier une base de connaissances à partir des solutions les plus fréquentes.
				- Revoir chaque mois les tickets hors délai avec les responsables de groupe.
				- Mieux guider les demandeurs sur l’urgence dans le portail : trop de demandes arrivent \
				« urgentes » par défaut."""), manager);
	}

}
