package org.guichet.tickets.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DrillDown;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Queue;
import org.guichet.tickets.Status;
import org.guichet.tickets.StatusGroup;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;

/**
 * Describes {@link TicketFilter}'s query parameters in the OpenAPI description of a ticket list
 * endpoint, which reads them from the request itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameters({ @Parameter(name = "queue", in = ParameterIn.QUERY, schema = @Schema(implementation = Queue.class)),
		@Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = Status.class)),
		@Parameter(name = "type", in = ParameterIn.QUERY, schema = @Schema(implementation = TicketType.class)),
		@Parameter(name = "priority", in = ParameterIn.QUERY, schema = @Schema(implementation = Priority.class)),
		@Parameter(name = "groupId", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "assigneeId", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "requesterId", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "categoryId", in = ParameterIn.QUERY, description = "with its sub-categories",
				schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "text", in = ParameterIn.QUERY, description = "words of the title, description, solution, replies (and, for the IT team, internal notes), full-text; or #1042",
				schema = @Schema(type = "string", maxLength = TicketFilter.MAX_TEXT)),
		@Parameter(name = "from", in = ParameterIn.QUERY, description = "first local day of the period, inclusive",
				schema = @Schema(type = "string", format = "date")),
		@Parameter(name = "to", in = ParameterIn.QUERY, description = "last local day of the period, inclusive",
				schema = @Schema(type = "string", format = "date")),
		@Parameter(name = "periodBy", in = ParameterIn.QUERY, description = "the instant the period bounds",
				schema = @Schema(implementation = DrillDown.PeriodBy.class)),
		@Parameter(name = "channel", in = ParameterIn.QUERY, schema = @Schema(implementation = Channel.class)),
		@Parameter(name = "department", in = ParameterIn.QUERY, description = "the requester's department, exactly",
				schema = @Schema(type = "string", maxLength = DrillDown.MAX_DEPARTMENT)),
		@Parameter(name = "tto", in = ParameterIn.QUERY, schema = @Schema(implementation = DrillDown.Verdict.class)),
		@Parameter(name = "ttr", in = ParameterIn.QUERY, schema = @Schema(implementation = DrillDown.Verdict.class)),
		@Parameter(name = "reopened", in = ParameterIn.QUERY, schema = @Schema(type = "boolean")),
		@Parameter(name = "escalated", in = ParameterIn.QUERY,
				schema = @Schema(implementation = DrillDown.Escalated.class)),
		@Parameter(name = "firstLevel", in = ParameterIn.QUERY, description = "resolved at first level, or not",
				schema = @Schema(type = "boolean")),
		@Parameter(name = "firstContact", in = ParameterIn.QUERY, description = "resolved at first contact, or not",
				schema = @Schema(type = "boolean")),
		@Parameter(name = "age", in = ParameterIn.QUERY, description = "open now, created this long ago",
				schema = @Schema(implementation = DrillDown.Age.class)),
		@Parameter(name = "rating", in = ParameterIn.QUERY, schema = @Schema(implementation = DrillDown.Rating.class)),
		@Parameter(name = "weekday", in = ParameterIn.QUERY, description = "ISO day of the week of the creation",
				schema = @Schema(type = "integer", minimum = "1", maximum = "7")),
		@Parameter(name = "hour", in = ParameterIn.QUERY, description = "local hour of the creation",
				schema = @Schema(type = "integer", minimum = "0", maximum = "23")),
		@Parameter(name = "sla", in = ParameterIn.QUERY, description = "counted by an SLA policy, or not",
				schema = @Schema(implementation = DrillDown.Sla.class)),
		@Parameter(name = "owned", in = ParameterIn.QUERY, description = "taken in charge at least once, or never",
				schema = @Schema(type = "boolean")),
		@Parameter(name = "responded", in = ParameterIn.QUERY,
				description = "answered publicly by the IT team (or given a solution), or not yet",
				schema = @Schema(type = "boolean")),
		@Parameter(name = "statusGroup", in = ParameterIn.QUERY, description = "the status now is one of the group's",
				schema = @Schema(implementation = StatusGroup.class)),
		@Parameter(name = "subcategories", in = ParameterIn.QUERY,
				description = "false: the category categoryId itself, without its sub-categories",
				schema = @Schema(type = "boolean")),
		@Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(implementation = TicketSort.class)),
		@Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "0")),
		@Parameter(name = "size", in = ParameterIn.QUERY,
				schema = @Schema(type = "integer", minimum = "1", maximum = "100")) })
@interface TicketFilterParameters {

}
