package org.guichet.chat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams open on this node: each conversation's (its requester's and
 * agents' pages) and the agents' queues; and the relay of one node, which hands each signal to
 * them. Events: {@code message} (id: the message's id, data: a {@link MessageView} as JSON, without
 * account ids on the requester's or visitor's stream), {@code typing}, {@code state} and
 * {@code queue} (no data: the page reads the new state). A comment opens each stream, so that its
 * headers leave at once, and one every 20 seconds keeps proxies from closing an idle stream and
 * finds the streams whose browser left.
 */
@Component
public class ChatStreams implements ChatRelay {

	private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);

	/** One open stream and the last message it was sent, so that it never sends one twice. */
	private static final class Stream {

		private final SseEmitter emitter;

		private final long viewerId;

		private final boolean agent;

		private long lastSent;

		Stream(SseEmitter emitter, long viewerId, boolean agent, long lastSent) {
			this.emitter = emitter;
			this.viewerId = viewerId;
			this.agent = agent;
			this.lastSent = lastSent;
		}

	}

	private final Map<Long, Set<Stream>> conversations = new ConcurrentHashMap<>();

	private final Set<Stream> queues = ConcurrentHashMap.newKeySet();

	private final ChatPresence presence;

	private final ChatSettings settings;

	ChatStreams(ChatPresence presence, ChatSettings settings) {
		this.presence = presence;
		this.settings = settings;
	}

	/**
	 * Opens a stream on a conversation that first sends the messages after {@code afterId}, read by
	 * {@code missed} while no new message can overtake them, then each message posted.
	 *
	 * @param viewerId who reads it: an account's id, or {@link ChatSignal#VISITOR}
	 * @param agent whether the viewer is an agent, who is online while the stream is open and is
	 *        the only one sent the authors' account ids
	 * @param missed reads the messages after an id, in the order sent
	 */
	public SseEmitter open(long conversationId, long viewerId, boolean agent, long afterId,
			LongFunction<List<MessageView>> missed) {
		Stream stream = new Stream(new SseEmitter(settings.streamTimeout().toMillis()), viewerId, agent, afterId);
		Set<Stream> streams = conversations.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet());
		synchronized (stream) {
			opened(stream);
			streams.add(stream);
			whenEnded(stream, () -> {
				streams.remove(stream);
				conversations.computeIfPresent(conversationId, (id, set) -> set.isEmpty() ? null : set);
			});
			for (MessageView message : missed.apply(afterId)) {
				send(stream, message);
			}
		}
		return stream.emitter;
	}

	/** Opens an agent's queue stream: told when the queue changes; the agent is online while it is open. */
	public SseEmitter openQueue(long agentId) {
		Stream stream = new Stream(new SseEmitter(settings.streamTimeout().toMillis()), agentId, true, 0);
		opened(stream);
		queues.add(stream);
		whenEnded(stream, () -> queues.remove(stream));
		return stream.emitter;
	}

	/** Answers the stream's headers at once, before any event: a client and a proxy see it open. */
	private static void opened(Stream stream) {
		event(stream, SseEmitter.event().comment("open"));
	}

	/**
	 * Ends every stream as soon as the application starts closing, before the web server's
	 * graceful shutdown, which would otherwise wait for these never-ending requests until its
	 * timeout (30 s).
	 */
	@EventListener(ContextClosedEvent.class)
	void endAll() {
		conversations.values().forEach(streams -> streams.forEach(stream -> stream.emitter.complete()));
		queues.forEach(stream -> stream.emitter.complete());
	}

	private void whenEnded(Stream stream, Runnable remove) {
		if (stream.agent) {
			presence.arrive(stream.viewerId);
		}
		AtomicBoolean ended = new AtomicBoolean();
		Runnable once = () -> {
			if (ended.compareAndSet(false, true)) {
				remove.run();
				if (stream.agent) {
					presence.leave(stream.viewerId);
				}
			}
		};
		stream.emitter.onCompletion(once);
		stream.emitter.onTimeout(stream.emitter::complete);
		stream.emitter.onError(error -> once.run());
	}

	@Override
	public void relay(ChatSignal signal) {
		if (signal.kind() == ChatSignal.Kind.QUEUE) {
			queues.forEach(stream -> event(stream, SseEmitter.event().name("queue").data("")));
			return;
		}
		for (Stream stream : conversations.getOrDefault(signal.conversationId(), Set.of())) {
			switch (signal.kind()) {
				case MESSAGE -> {
					synchronized (stream) {
						send(stream, signal.message());
					}
				}
				case TYPING -> {
					if (stream.viewerId != signal.authorId()) {
						event(stream, SseEmitter.event().name("typing").data(""));
					}
				}
				default -> event(stream, SseEmitter.event().name("state").data(""));
			}
		}
	}

	/** Keeps the streams alive through proxies and drops those whose browser left. */
	@Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
	void heartbeat() {
		conversations.values().forEach(streams -> streams.forEach(stream -> event(stream, SseEmitter.event().comment(""))));
		queues.forEach(stream -> event(stream, SseEmitter.event().comment("")));
	}

	private void send(Stream stream, MessageView message) {
		if (message.id() <= stream.lastSent) {
			return;
		}
		if (event(stream, SseEmitter.event().id(String.valueOf(message.id())).name("message")
			.data(stream.agent ? message : message.withoutAuthorId(), MediaType.APPLICATION_JSON))) {
			stream.lastSent = message.id();
		}
	}

	private static boolean event(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("A chat stream ended: {}", ex.toString());
			stream.emitter.completeWithError(ex);
			return false;
		}
	}

}
