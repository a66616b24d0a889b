package org.guichet.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks an integration test whose verdict does not depend on the database: it proves pages,
 * forms, permissions, messages or documents, and the queries it runs on the way are proven on
 * PostgreSQL by other tests (named in the class's Javadoc where not obvious). The build runs it on
 * H2 only: the {@code it-postgresql} execution excludes the tag {@value #TAG}. A test that adds
 * or changes a query, or checks what the database does (locks, ordering, text search, dates),
 * runs on both databases and does not carry this mark.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(DatabaseNeutral.TAG)
public @interface DatabaseNeutral {

	/** The JUnit tag the PostgreSQL run excludes. */
	String TAG = "database-neutral";

}
