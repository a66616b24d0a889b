package org.guichet.presentation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The presentation's rule for who may call a controller: the IT team (technicians, supervisors,
 * administrators). Requesters get none of the presentation (the flowcharts, the tool's page, the
 * examples) but their own ticket's dossier: they are refused with 403 (problem+json under
 * {@code /api}, the refusal page otherwise) before any ticket is looked up, so a refusal never
 * tells whether a ticket exists. Within the team, a ticket the reader may not see still answers
 * 404. Controllers open to supervisors and administrators only are narrower still and say so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
public @interface ForTheItTeam {

}
