package org.guichet.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of the API's bodies that may hold several lines (a description, a reply, an article,
 * a template): its line breaks and tabs are kept. Every other text of a body is one line
 * ({@link OneLine}): a control character there is refused {@code field.one-line}
 * ({@link RequiredProperties}). On the type of a record's component: {@code @MultiLine String body},
 * {@code List<@MultiLine String> steps}.
 */
@Documented
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

}
