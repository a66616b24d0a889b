package org.guichet.presentation.examples;

import java.util.List;

/**
 * One page of the examples, newest first, without a total count.
 *
 * @param items at most {@code size} examples
 * @param page the page's index, from 0
 * @param size the page's size asked
 * @param hasNext whether a next page holds more
 */
public record ExamplePage(List<Example> items, int page, int size, boolean hasNext) {
}
