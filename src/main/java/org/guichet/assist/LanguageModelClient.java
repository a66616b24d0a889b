package org.guichet.assist;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends one prompt to an OpenAI-compatible chat completions API ({@code POST <base>/chat/completions})
 * through LangChain4j's OpenAI client, with no retry (the agent asks again), and tells its failures
 * apart. The same client speaks to a local Ollama ({@code http://localhost:11434/v1}).
 */
@Component
class LanguageModelClient {

	/** The longest answer asked for, in tokens. */
	static final int MAX_ANSWER_TOKENS = 1_000;

	/**
	 * An answer.
	 *
	 * @param tokens the prompt's and answer's tokens as the server counted them, null when it did not say
	 */
	record Answer(String text, @Nullable Integer tokens) {
	}

	/**
	 * The model's answer to the prompt.
	 *
	 * @param apiKey sent as a bearer token; null sends a placeholder (a local Ollama checks none)
	 * @throws GenerativeFailure {@code TIMEOUT}, {@code UNREACHABLE}, {@code REFUSED} (with the HTTP
	 * status) or {@code MALFORMED} (no text in the answer, or not JSON)
	 */
	Answer ask(GenerativePrompts.Prompt prompt, String baseUrl, String model, @Nullable String apiKey,
			Duration timeout) {
		OpenAiChatModel chat = OpenAiChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey(apiKey == null ? "none" : apiKey)
			.modelName(model)
			.timeout(timeout)
			.maxRetries(0)
			.maxTokens(MAX_ANSWER_TOKENS)
			.temperature(0.2)
			.build();
		ChatResponse response;
		try {
			response = chat.chat(List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())));
		}
		catch (RuntimeException e) {
			throw classify(e);
		}
		String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
		if (text == null || text.isBlank()) {
			throw new GenerativeFailure(GenerativeFailure.Reason.MALFORMED, "The answer held no text");
		}
		Integer tokens = response.tokenUsage() == null ? null : response.tokenUsage().totalTokenCount();
		return new Answer(text.strip(), tokens);
	}

	/** What kind of failure {@code e} is, from it and its causes. */
	static GenerativeFailure classify(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpException http) {
				return new GenerativeFailure(GenerativeFailure.Reason.REFUSED, http.statusCode(),
						"The server answered " + http.statusCode(), e);
			}
			if (cause instanceof dev.langchain4j.exception.TimeoutException
					|| (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException))
					|| cause instanceof java.util.concurrent.TimeoutException
					|| cause instanceof java.net.SocketTimeoutException) {
				return new GenerativeFailure(GenerativeFailure.Reason.TIMEOUT, 0, "No answer in time", e);
			}
			if (cause.getClass().getName().startsWith("com.fasterxml.jackson")) {
				break;
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof HttpConnectTimeoutException) {
				return new GenerativeFailure(GenerativeFailure.Reason.UNREACHABLE, 0,
						"The server could not be reached: " + cause.getMessage(), e);
			}
		}
		return new GenerativeFailure(GenerativeFailure.Reason.MALFORMED, 0,
				"The answer could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
	}

}
