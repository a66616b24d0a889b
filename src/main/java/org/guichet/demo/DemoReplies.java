package org.guichet.demo;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.CannedReply;
import org.guichet.replies.CannedReplyDefinition;
import org.guichet.replies.MacroDefinition;
import org.guichet.replies.MacroStatus;
import org.guichet.replies.Macros;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Urgency;
import org.springframework.stereotype.Component;

/**
 * The demo's canned replies and macros, in French and English: shared with the service desk (N1)
 * and the infrastructure (N2) by their supervisor, and a technician's personal one. Created
 * through the replies module, with its rules.
 */
@Component
class DemoReplies {

	private final CannedReplies replies;

	private final Macros macros;

	DemoReplies(CannedReplies replies, Macros macros) {
		this.replies = replies;
		this.macros = macros;
	}

	void create(Organisation organisation) {
		CurrentUser supervisor = new CurrentUser(organisation.person("manager"));
		CurrentUser tech1 = new CurrentUser(organisation.person("tech1"));
		SupportGroup n1 = organisation.n1();
		SupportGroup n2 = organisation.n2();

		shared(supervisor, n1, "Bonjour", """
				Bonjour {{requester.firstName}},

				Merci pour votre demande {{ticket.number}} « {{ticket.title}} ». Nous la prenons en charge.

				Cordialement,
				{{agent.fullName}} — {{group.name}}""");
		CannedReply precisions = shared(supervisor, n1, "Demande de précisions", """
				Bonjour {{requester.firstName}},

				Pour avancer sur votre demande {{ticket.number}}, pourriez-vous nous préciser depuis quand le \
				problème se produit et, si possible, nous joindre une capture d’écran du message d’erreur ?

				Le ticket reste en attente de votre réponse.

				{{agent.fullName}}""");
		shared(supervisor, n1, "Mot de passe réinitialisé", """
				Bonjour {{requester.firstName}},

				Votre mot de passe a été réinitialisé. Vous recevrez le mot de passe provisoire par SMS ; il vous \
				sera demandé d’en choisir un nouveau à la première connexion.

				{{agent.fullName}}""");
		CannedReply moreDetails = shared(supervisor, n1, "Asking for details (EN)", """
				Hello {{requester.firstName}},

				To move on with your request {{ticket.number}}, could you tell us since when the problem happens \
				and, if you can, attach a screenshot of the error message?

				The ticket waits for your answer.

				{{agent.fullName}}""");
		shared(supervisor, n2, "Intervention planifiée", """
				Bonjour {{requester.firstName}},

				Une intervention de l’équipe {{group.name}} est planifiée pour votre demande {{ticket.number}}. \
				Nous vous confirmerons le créneau la veille.

				{{agent.fullName}}""");
		replies.create(new CannedReplyDefinition("Ma signature", """
				Bonne journée,
				{{agent.fullName}}
				Support informatique — poste 4242""", null), tech1);

		macros.create(new MacroDefinition("En attente de la réponse de l’utilisateur", n1.getId(), false, null, null,
				null, MacroStatus.PENDING, PendingReason.USER, precisions.getId(), null, null, null, null),
				supervisor);
		macros.create(new MacroDefinition("Waiting for the user’s answer", n1.getId(), false, null, null, null,
				MacroStatus.PENDING, PendingReason.USER, moreDetails.getId(), null, null, null, null), supervisor);
		macros.create(new MacroDefinition("Prendre et accuser réception", n1.getId(), false, null, null, null,
				MacroStatus.TAKE, null, null, """
						Bonjour {{requester.firstName}},

						Je prends en charge votre demande {{ticket.number}} et reviens vers vous rapidement.

						{{agent.fullName}}""", null, null, null), supervisor);
		macros.create(new MacroDefinition("Panne bloquante : urgence haute", n2.getId(), true, null, Urgency.HIGH,
				null, null, null, null, null,
				"Panne bloquante signalée : urgence relevée, ticket pris par {{agent.fullName}}.", null, null),
				supervisor);
		macros.create(new MacroDefinition("Résoudre : mot de passe réinitialisé", n1.getId(), false, null, null, null,
				MacroStatus.RESOLVE, null, null, null, null, """
						Bonjour {{requester.firstName}},

						Votre mot de passe a été réinitialisé : le nouveau vous a été communiqué par téléphone, \
						changez-le à la première connexion.

						{{agent.fullName}}""", SolutionKind.PERMANENT), supervisor);
	}

	private CannedReply shared(CurrentUser supervisor, SupportGroup group, String name, String body) {
		return replies.create(new CannedReplyDefinition(name, body, group.getId()), supervisor);
	}

}
