/**
 * The author's own pages ({@link org.guichet.presentation.pages.AuthorPages}): Markdown written in
 * the application by the desk's supervisors and administrators (what the desk means to its team,
 * the kinds of demand it handles, its good practices and the improvements it proposes), shown by
 * the one renderer of {@code text} and put first in the presentation pack. Named interface: the
 * demo data writes its pages through it.
 */
@org.springframework.modulith.NamedInterface("pages")
@org.jspecify.annotations.NullMarked
package org.guichet.presentation.pages;
