package org.guichet.assist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What administrators see and do of the generative help: its settings, today's spending against
 * the budget, the last prompts sent exactly as sent, and a connection test.
 */
@Service
public class GenerativeAdministration {

	/** How many exchanges of each feature are kept for the administrators. */
	public static final int KEPT_PER_FEATURE = GenerativeUsage.KEPT_PER_FEATURE;

	/** The prompt of the connection test: no ticket's data. */
	static final GenerativePrompts.Prompt TEST_PROMPT = new GenerativePrompts.Prompt(
			"You are being tested by an IT service desk's administrator.", "Answer with the single word OK.");

	/**
	 * An exchange kept, as administrators read it.
	 *
	 * @param prompt exactly as sent (masked when masking was on)
	 * @param answer as received, null when it failed
	 * @param outcome {@code ANSWERED}, or the failure's reason ({@link GenerativeFailure.Reason})
	 */
	public record Exchange(long id, long ticketId, GenerativeFeature feature, String model, long userId,
			Instant sentAt, String prompt, @Nullable String answer, String outcome, @Nullable Integer tokens) {
	}

	/** Today's spending (the desk's zone) and the budget. */
	public record Spending(int requests, long tokens, int dailyRequests, @Nullable Integer dailyTokens) {
	}

	private final GenerativeSettings settings;

	private final GenerativeUsage usage;

	private final LanguageModelClient client;

	GenerativeAdministration(GenerativeSettings settings, GenerativeUsage usage, LanguageModelClient client) {
		this.settings = settings;
		this.usage = usage;
		this.client = client;
	}

	/** See {@link GenerativeSettings#current()}. */
	public GenerativeSettings.Settings settings() {
		return settings.current();
	}

	/** See {@link GenerativeSettings#save(GenerativeSettings.Changes, Long)}. */
	public void save(GenerativeSettings.Changes changes, long expectedVersion) {
		settings.save(changes, expectedVersion);
	}

	/** See {@link GenerativeSettings#version()}. */
	public long version() {
		return settings.version();
	}

	/** Today's requests and tokens, and the budget. */
	public Spending today() {
		GenerativeUsage.Spent spent = usage.today();
		GenerativeSettings.Settings now = settings.current();
		return new Spending(spent.requests(), spent.tokens(), now.dailyRequests(), now.dailyTokens());
	}

	/** The exchanges kept ({@value GenerativeUsage#KEPT_PER_FEATURE} per feature at most), newest first. */
	public List<Exchange> exchanges() {
		return usage.recent()
			.stream()
			.map(e -> new Exchange(e.id(), e.ticketId(), e.feature(), e.model(), e.userId(), e.sentAt(), e.prompt(),
					e.answer(), e.outcome(), e.tokens()))
			.toList();
	}

	/**
	 * Sends {@link #TEST_PROMPT} with the saved server, model, key and timeout, whether the help is
	 * on or not (an administrator checks the server before turning it on); no ticket's data, not
	 * counted in the budget.
	 *
	 * @return the model's answer
	 * @throws GenerativeFailure {@code OFF} when no server or model is saved, or as the server failed
	 */
	public String testConnection() {
		GenerativeSettings.Settings now = settings.current();
		if (now.baseUrl() == null || now.model() == null) {
			throw new GenerativeFailure(GenerativeFailure.Reason.OFF, "Save a server and a model first");
		}
		String apiKey = settings.apiKey();
		return client.ask(TEST_PROMPT, now.baseUrl(), now.model(), apiKey, Duration.ofSeconds(now.timeoutSeconds()))
			.text();
	}

}
