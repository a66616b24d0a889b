package org.guichet.system;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The rows a list reads for one page whose length it does not count: the page's own rows and one
 * more, which tells whether a next page exists. The one way every such list reads its page, since
 * asking a {@code PageRequest} for {@code size + 1} rows starts page {@code k} at
 * {@code k × (size + 1)} and loses a row at every page break.
 *
 * @param page the page, from 0
 * @param size how many rows a page shows, 1 or more
 */
public record PageWindow(int page, int size) {

	/**
	 * @throws InvalidInputException for a page outside 0 to {@link Pager#MAX_PAGE}
	 * @throws IllegalArgumentException for a size under 1
	 */
	public PageWindow {
		Pager.checkPage(page);
		if (size < 1) {
			throw new IllegalArgumentException("size " + size + " from 1");
		}
	}

	/** How many rows come before the page's first: {@code page × size}. */
	public long offset() {
		return (long) page * size;
	}

	/** How many rows to read from {@link #offset()}: the page's and one more. */
	public int limit() {
		return size + 1;
	}

	/**
	 * The rows to read as a repository takes them: from {@link #offset()}, at most {@link #limit()},
	 * in {@code sort}'s order ({@link Sort#unsorted()} when the query orders them itself).
	 */
	public Pageable rows(Sort sort) {
		return new Rows(this, sort);
	}

	/** Whether the rows read from {@link #offset()} (at most {@link #limit()}) go on past the page. */
	public boolean hasNext(List<?> read) {
		return read.size() > size;
	}

	/** The page's own rows among those read from {@link #offset()}: the first {@code size}. */
	public <T> List<T> shown(List<T> read) {
		return hasNext(read) ? read.subList(0, size) : read;
	}

	/** {@link PageWindow#rows}: the window as a {@link Pageable} whose pages are windows too. */
	private record Rows(PageWindow window, Sort sort) implements Pageable {

		@Override
		public int getPageNumber() {
			return window.page();
		}

		@Override
		public int getPageSize() {
			return window.limit();
		}

		@Override
		public long getOffset() {
			return window.offset();
		}

		@Override
		public Sort getSort() {
			return sort;
		}

		@Override
		public Pageable next() {
			return withPage(window.page() + 1);
		}

		@Override
		public Pageable previousOrFirst() {
			return withPage(Math.max(0, window.page() - 1));
		}

		@Override
		public Pageable first() {
			return withPage(0);
		}

		@Override
		public Pageable withPage(int pageNumber) {
			return new Rows(new PageWindow(pageNumber, window.size()), sort);
		}

		@Override
		public boolean hasPrevious() {
			return window.page() > 0;
		}

	}

}
