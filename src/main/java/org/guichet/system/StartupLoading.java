package org.guichet.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * What Guichet still loads after it has started serving pages, such as the demo data at the
 * first start: until it is loaded, logging in cannot work yet, and the login page says so. Safe
 * to use from any thread.
 */
@Component
public class StartupLoading {

	private final List<Task> inProgress = new CopyOnWriteArrayList<>();

	/**
	 * Marks a loading as in progress until the returned task is closed.
	 * @param messageKey the message bundle key that tells people what is loading, e.g.
	 *     {@code demo.loading}; not null
	 * @return the task to close once the loading has ended, whether it succeeded or failed
	 */
	public Task begin(String messageKey) {
		Task task = new Task(messageKey);
		inProgress.add(task);
		return task;
	}

	/** The message keys of the loadings in progress, in the order they began; empty when there is none. */
	public List<String> inProgress() {
		return inProgress.stream().map(Task::messageKey).toList();
	}

	/** One loading in progress; closing it more than once is harmless. */
	public final class Task implements AutoCloseable {

		private final String messageKey;

		private Task(String messageKey) {
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}

		@Override
		public void close() {
			inProgress.remove(this);
		}

	}

}
