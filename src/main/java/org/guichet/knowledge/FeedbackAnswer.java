package org.guichet.knowledge;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One reader's answer to "Was this helpful?".
 *
 * @param comment what they wrote, or null
 * @param readerName their full name
 */
public record FeedbackAnswer(boolean helpful, @Nullable String comment, Instant answeredAt, String readerName) {
}
