package org.guichet.chat;

import java.time.Duration;
import java.util.List;

import org.guichet.system.NotFoundException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.chat.*} settings (docs/CHAT.md).
 *
 * @param groups the names of the support groups whose members answer the chat; empty: every group
 *        of level N1
 * @param calendar the name of the stored business calendar outside which no one answers (the
 *        widget says so and offers a ticket instead); empty: the chat has no hours
 * @param messagesPerWindow how many messages one person may post within {@code window}; 1 or more
 * @param window the length of the posting limit's sliding window; positive
 * @param streamTimeout how long a stream stays open before the browser reconnects (it resumes
 *        from the last message it has); positive
 * @param visitors whether visitors who are not logged in may chat by giving a name and an e-mail
 *        address (not verified); false by default
 * @param visitorsPerAddress how many visitor conversations one network (an IPv4 address, an IPv6 /64:
 *        {@code VisitorNetwork}) may start within
 *        {@code visitorWindow}; 1 or more
 * @param visitorWindow the length of that limit's sliding window; positive
 */
@ConfigurationProperties("guichet.chat")
public record ChatSettings(@DefaultValue List<String> groups, @DefaultValue("") String calendar,
		@DefaultValue("20") int messagesPerWindow, @DefaultValue("10s") Duration window,
		@DefaultValue("15m") Duration streamTimeout, @DefaultValue("false") boolean visitors,
		@DefaultValue("5") int visitorsPerAddress, @DefaultValue("1h") Duration visitorWindow) {

	public ChatSettings {
		groups = List.copyOf(groups);
		if (messagesPerWindow < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException(
					"guichet.chat.messages-per-window must be 1 or more and guichet.chat.window positive");
		}
		if (streamTimeout.isNegative() || streamTimeout.isZero()) {
			throw new IllegalArgumentException("guichet.chat.stream-timeout must be positive");
		}
		if (visitorsPerAddress < 1 || visitorWindow.isNegative() || visitorWindow.isZero()) {
			throw new IllegalArgumentException(
					"guichet.chat.visitors-per-address must be 1 or more and guichet.chat.visitor-window positive");
		}
	}

	/**
	 * @throws NotFoundException ({@code chat.visitors.off}) when visitors may not chat: their pages
	 *         do not exist then
	 */
	public void requireVisitors() {
		if (!visitors) {
			throw new NotFoundException("chat.visitors.off", "The chat is for logged-in people only");
		}
	}

}
