package org.guichet.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs every check of one input before refusing it, so that the person who sent it learns all
 * that is wrong at once rather than one field per attempt. Not thread-safe: one per input.
 */
public final class InputChecks {

	private final List<InvalidInputException> refusals = new ArrayList<>();

	/**
	 * Runs one check.
	 * @return what the check gives, or null when it refused the value (the refusal is kept for
	 * {@link #refuseIfAny()})
	 */
	public <T> @Nullable T check(Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidInputException ex) {
			refusals.add(ex);
			refusals.addAll(ex.others());
			return null;
		}
	}

	/** Runs one check that gives nothing. */
	public void check(Runnable check) {
		check(() -> {
			check.run();
			return null;
		});
	}

	/**
	 * @throws InvalidInputException the first refusal, carrying the others in
	 * {@link InvalidInputException#others()}, when any check refused its value
	 */
	public void refuseIfAny() {
		if (refusals.isEmpty()) {
			return;
		}
		InvalidInputException first = refusals.get(0);
		InvalidInputException all = new InvalidInputException(first.field(), first.messageKey(), first.getMessage(),
				first.arguments());
		first.properties().forEach(all::property);
		all.refusedWith(refusals.subList(1, refusals.size()));
		throw all;
	}

}
