package org.guichet.reporting.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.PeriodPreset;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;

/**
 * Describes {@link KpiFilter}'s query parameters in the OpenAPI description of a KPI endpoint,
 * which reads them from the request itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameters({
		@Parameter(name = "period", in = ParameterIn.QUERY, description = "a preset, not with from/to; default LAST_30_DAYS",
				schema = @Schema(implementation = PeriodPreset.class)),
		@Parameter(name = "from", in = ParameterIn.QUERY, description = "first day, local, included",
				schema = @Schema(type = "string", format = "date")),
		@Parameter(name = "to", in = ParameterIn.QUERY, description = "last day, local, included",
				schema = @Schema(type = "string", format = "date")),
		@Parameter(name = "type", in = ParameterIn.QUERY, schema = @Schema(implementation = TicketType.class)),
		@Parameter(name = "group", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "technician", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "category", in = ParameterIn.QUERY, description = "with its sub-categories",
				schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "channel", in = ParameterIn.QUERY, schema = @Schema(implementation = Channel.class)),
		@Parameter(name = "priority", in = ParameterIn.QUERY, schema = @Schema(implementation = Priority.class)),
		@Parameter(name = "department", in = ParameterIn.QUERY, description = "the requester's department, exact",
				schema = @Schema(type = "string", maxLength = 120)),
		@Parameter(name = "format", in = ParameterIn.QUERY, description = "csv for the table as CSV (or Accept: text/csv)",
				schema = @Schema(type = "string", allowableValues = { "json", "csv" })) })
public @interface KpiFilterParameters {

}
