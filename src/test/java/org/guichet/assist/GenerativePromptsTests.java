package org.guichet.assist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.assist.GenerativePrompts.Message;
import org.guichet.assist.GenerativePrompts.Source;
import org.guichet.assist.GenerativePrompts.TicketFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenerativePromptsTests {

	private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

	private static TicketFacts ticket(List<Message> messages, String solution) {
		return new TicketFacts("T-2026-000042", "VPN drops", "It drops every morning", "IN_PROGRESS", "Network > VPN",
				"[PERSON 1]", solution, messages);
	}

	@Test
	void aSummaryAsksForTheThreePartsInTheAgentsLanguageWithTheWholeConversation() {
		GenerativePrompts.Prompt prompt = GenerativePrompts.summary(ticket(List.of(
				new Message("[PERSON 1]", true, false, AT, "I restarted"),
				new Message("[PERSON 2]", false, true, AT, "Check the gateway logs")), null), Locale.FRENCH);

		assertThat(prompt.system()).contains("in French", "\"What the user wants\"", "\"What was tried\"",
				"\"What is still open\"", "write them exactly as they are");
		assertThat(prompt.user()).contains("Ticket T-2026-000042: VPN drops", "Category: Network > VPN",
				"Requester: [PERSON 1]", "Description:\nIt drops every morning",
				"--- Requester's message by [PERSON 1], 2026-12-01T08:00:00Z\nI restarted",
				"--- Internal note of the team by [PERSON 2]");
		assertThat(prompt.asSent()).startsWith("[system]\n" + prompt.system() + "\n\n[user]\n" + prompt.user());
	}

	@Test
	void anArticleLeavesTheInternalNotesOutAndAsksForATitleLineAndTheSections() {
		GenerativePrompts.Prompt prompt = GenerativePrompts.article(ticket(List.of(
				new Message("[PERSON 2]", false, true, AT, "secret admin password is hunter2"),
				new Message("[PERSON 2]", false, false, AT, "Reinstall the client")), "Reinstalled the VPN client"),
				List.of("Problem", "Cause", "Solution"), Locale.ENGLISH);

		assertThat(prompt.user()).doesNotContain("hunter2").contains("Reinstall the client",
				"Solution recorded:\nReinstalled the VPN client");
		assertThat(prompt.system()).contains("\"Title: \"", "\"## Problem\", \"## Cause\", \"## Solution\"",
				"no names");
	}

	@Test
	void aReplyListsItsSourcesByTagAndForbidsInventingOrQuotingInternalNotes() {
		GenerativePrompts.Prompt prompt = GenerativePrompts.reply(ticket(List.of(), null),
				List.of(new Source("A1", "VPN troubleshooting", "Restart the client"),
						new Source("T1", "VPN drops at 9", "Solution: new certificate")),
				Locale.ENGLISH);

		assertThat(prompt.user()).contains("Sources:\n[A1] VPN troubleshooting\nRestart the client",
				"[T1] VPN drops at 9\nSolution: new certificate");
		assertThat(prompt.system()).contains("[A1] or [T2]", "never invent a source", "internal notes");
		assertThat(GenerativePrompts.reply(ticket(List.of(), null), List.of(), Locale.ENGLISH).user())
			.contains("Sources:\n(none)");
	}

	@Test
	void longTextsAreCutAndOnlyTheNewestMessagesAreSentSoAPromptStaysBounded() {
		List<Message> many = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			many.add(new Message("[PERSON 1]", true, false, AT, "message " + i + " " + "x".repeat(5_000)));
		}
		TicketFacts huge = new TicketFacts("T-1", "t", "d".repeat(50_000), "NEW", null, "[PERSON 1]",
				"s".repeat(50_000), many);

		String sent = GenerativePrompts.summary(huge, Locale.ENGLISH).asSent();

		assertThat(sent).contains("(25 older messages left out)", "message 39 ").doesNotContain("message 24 ");
		assertThat(sent.length()).isLessThan(40_000);
	}

}
