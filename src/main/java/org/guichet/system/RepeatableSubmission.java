package org.guichet.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a web {@code POST} handler whose form is meant to be sent again and again from the same
 * page without being rendered anew, such as a tester that answers in place with htmx: its
 * one-time form token is ignored. Every other web {@code POST} handler processes a form token
 * once and answers a resubmission with the first result (see docs/adr/009-one-time-form-tokens.md).
 * Never put it on a handler that creates something.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RepeatableSubmission {

}
