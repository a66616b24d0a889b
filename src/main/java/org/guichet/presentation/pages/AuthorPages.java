package org.guichet.presentation.pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The author's own pages. The IT team reads them (technicians too: they are the desk's own
 * account of its work); supervisors and administrators write, reorder and delete them. Anyone
 * else gets the 404 of a page that does not exist.
 */
@Service
@Transactional
public class AuthorPages {

	private final AuthorPageRepository pages;

	private final Clock clock;

	AuthorPages(AuthorPageRepository pages, Clock clock) {
		this.pages = pages;
		this.clock = clock;
	}

	/** Whether {@code user} may create, change, reorder and delete pages. */
	public static boolean mayWrite(CurrentUser user) {
		return user.has(Role.SUPERVISOR) || user.has(Role.ADMINISTRATOR);
	}

	/**
	 * Every page in its order.
	 *
	 * @throws NotFoundException when {@code reader} is outside the IT team
	 */
	@Transactional(readOnly = true)
	public List<AuthorPage> list(CurrentUser reader) {
		requireRead(reader);
		return pages.findInOrder();
	}

	/**
	 * One page by its slug.
	 *
	 * @throws NotFoundException when there is none or {@code reader} is outside the IT team
	 */
	@Transactional(readOnly = true)
	public AuthorPage bySlug(String slug, CurrentUser reader) {
		requireRead(reader);
		return pages.findBySlug(slug).orElseThrow(() -> notFound(slug));
	}

	/**
	 * One page by its id.
	 *
	 * @throws NotFoundException when there is none or {@code reader} is outside the IT team
	 */
	@Transactional(readOnly = true)
	public AuthorPage get(long id, CurrentUser reader) {
		requireRead(reader);
		return pages.findById(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Adds a page after the others.
	 *
	 * @throws NotFoundException when {@code by} may not write pages
	 * @throws InvalidInputException (field {@code slug}) when another page has the slug
	 */
	public AuthorPage create(PageDefinition definition, CurrentUser by) {
		requireWrite(by);
		refuseTakenSlug(definition.slug(), null);
		return pages.save(new AuthorPage(definition, pages.maxPosition() + 1, by.id(), by.fullName(), clock.instant()));
	}

	/**
	 * Replaces a page's title, slug and body.
	 *
	 * @param expectedVersion the version the author edited; null skips the check (API clients that
	 *     want the last word)
	 * @throws VersionMismatchException when the page changed since {@code expectedVersion}
	 * @throws NotFoundException when there is no such page or {@code by} may not write pages
	 * @throws InvalidInputException (field {@code slug}) when another page has the slug
	 */
	public AuthorPage update(long id, @Nullable Long expectedVersion, PageDefinition definition, CurrentUser by) {
		requireWrite(by);
		AuthorPage page = pages.findById(id).orElseThrow(() -> notFound(id));
		VersionMismatchException.check(expectedVersion, page.getVersion(), "pages.stale",
				"Someone saved this page since you opened it: your text is kept below, compare and save again",
				page.getEditedByName());
		refuseTakenSlug(definition.slug(), id);
		page.define(definition, by.id(), by.fullName(), clock.instant());
		pages.flush();
		return page;
	}

	/**
	 * Moves a page one place up ({@code -1}) or down ({@code +1}) in the order; nothing happens at
	 * either end.
	 *
	 * @throws NotFoundException when there is no such page or {@code by} may not write pages
	 * @throws InvalidInputException (field {@code offset}) for another offset than -1 or +1
	 */
	public void move(long id, int offset, CurrentUser by) {
		requireWrite(by);
		if (offset != -1 && offset != 1) {
			throw new InvalidInputException("offset", "pages.offset", "offset: give -1 (up) or 1 (down)");
		}
		List<AuthorPage> ordered = new ArrayList<>(pages.findInOrder());
		int from = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (Objects.equals(ordered.get(i).getId(), id)) {
				from = i;
			}
		}
		if (from < 0) {
			throw notFound(id);
		}
		int to = from + offset;
		if (to < 0 || to >= ordered.size()) {
			return;
		}
		Collections.swap(ordered, from, to);
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).getPosition() != i) {
				ordered.get(i).moveTo(i);
			}
		}
	}

	/**
	 * Deletes a page.
	 *
	 * @throws NotFoundException when there is no such page or {@code by} may not write pages
	 */
	public void delete(long id, CurrentUser by) {
		requireWrite(by);
		pages.delete(pages.findById(id).orElseThrow(() -> notFound(id)));
	}

	private void refuseTakenSlug(String slug, @Nullable Long exceptId) {
		pages.findBySlug(slug).filter(other -> !Objects.equals(other.getId(), exceptId)).ifPresent(other -> {
			throw new InvalidInputException("slug", "pages.slug.taken",
					"slug: the page \"" + other.getTitle() + "\" already has this address; choose another", slug,
					other.getTitle());
		});
	}

	private static void requireRead(CurrentUser reader) {
		if (!reader.isAgent()) {
			throw new NotFoundException("pages.not-found", "No such page");
		}
	}

	private static void requireWrite(CurrentUser by) {
		if (!mayWrite(by)) {
			throw new NotFoundException("pages.not-found", "No such page");
		}
	}

	private static NotFoundException notFound(Object which) {
		return new NotFoundException("pages.not-found", "No such page: " + which, which);
	}

}
