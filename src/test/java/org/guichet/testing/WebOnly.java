package org.guichet.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks an integration test that proves what the web layer does (pages, forms, permissions,
 * messages) and no query of its own: the queries it runs are proven on PostgreSQL by other tests,
 * so the build runs it on H2 only (the {@code it-postgresql} execution excludes the tag
 * {@value #TAG}). A test that adds or changes a query keeps running on both databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(WebOnly.TAG)
public @interface WebOnly {

	/** The JUnit tag the PostgreSQL run excludes. */
	String TAG = "web-only";

}
