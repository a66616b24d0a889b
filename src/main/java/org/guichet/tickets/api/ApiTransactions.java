package org.guichet.tickets.api;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a call to the tickets module and the mapping of its result to JSON in one transaction,
 * so the mapping reads lazy associations without extra sessions (open-in-view is off).
 */
@Component
class ApiTransactions {

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	ApiTransactions(PlatformTransactionManager transactions) {
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactions);
	}

	<T> T read(Supplier<T> work) {
		return reads.execute(status -> work.get());
	}

	/**
	 * Flushes the change before rendering it, so that the rendering sees the new version and the
	 * generated ids, and a broken constraint surfaces here as a {@code DataAccessException}.
	 */
	<T, R> R write(Supplier<T> change, Function<T, R> render) {
		return writes.execute(status -> {
			T changed = change.get();
			status.flush();
			return render.apply(changed);
		});
	}

}
