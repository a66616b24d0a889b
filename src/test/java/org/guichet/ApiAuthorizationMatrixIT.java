package org.guichet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.guichet.approvals.StepPlan;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.ItemDescription;
import org.guichet.chat.ChatPresence;
import org.guichet.chat.Chats;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.TokenScope;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.search.IndexBuild;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.OpenApiBodies;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TestSweep;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Calls every operation of the OpenAPI description ({@code /v3/api-docs}) as each kind of caller —
 * anonymous, the ticket's requester, another requester, a technician of the ticket's group, a
 * technician of another group, a supervisor of another group, an administrator, and an
 * administrator's read-only API token — through the real security filter chain, and checks each
 * answer against the rule declared for the operation in {@link #RULES}, written from the "Who"
 * column of docs/API.md (and the pages it links to), not from what the code answers.
 * <p>
 * Only authorization is checked: anonymous gets 401; a refused caller 403, or 404 where the rule
 * hides what they may not see; an allowed caller anything but 401, 403 and 404 (a 400 or a 409 for
 * the minimal body sent is an answer of the endpoint, so the caller got through). Every 401 and
 * 403 carries a {@code code}, as every other refusal does. The matrix is
 * written to {@code target/api-authorization-matrix.md}; every mismatch is reported at once.
 * <p>
 * <b>Adding an endpoint.</b> An operation of the description without a rule fails this test, as
 * does a rule that matches no operation. Declare it in {@link #RULES} with {@code rule("METHOD
 * /api/v1/path/{var}", WHO)}, taking {@code WHO} from the constants below (or a new
 * {@link Who} whose description quotes docs/API.md); if the path has a variable no existing
 * segment names (see {@link #pathVariable}), say which prepared object fills it there; give a
 * minimal valid body in {@link #body} when the endpoint checks its body before its permission;
 * and when the call changes what later calls read, add it to {@link #FRESH} so that each caller
 * works on a throwaway object.
 * <p>
 * It also checks the description is complete: every handler method mapped under {@code /api/}
 * appears in it.
 */
@GuichetIntegrationTest
@DatabaseNeutral
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationMatrixIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The callers, in the order they call each operation (those refused first). */
	enum Caller {

		ANONYMOUS("anonymous"), OTHER_REQUESTER("other requester"), OTHER_TECHNICIAN("technician, other group"),
		REQUESTER("requester"), SUPERVISOR("supervisor, other group"), TECHNICIAN("technician of the group"),
		ADMINISTRATOR("administrator"), READ_ONLY_TOKEN("admin's read-only token");

		final String label;

		Caller(String label) {
			this.label = label;
		}

	}

	/** What a caller must get. */
	enum Expect {

		/** Anything but 401, 403 and 404: the caller got through. */
		ALLOWED("ok"),
		/** 403. */
		FORBIDDEN("403"),
		/** 404: what they may not see does not exist for them. */
		HIDDEN("404"),
		/** 401. */
		UNAUTHENTICATED("401"),
		/** 401 or 403: a caller without the gateway's secret; 404 while the channel is off (docs/SMS.md). */
		REFUSED("401/403/404");

		final String label;

		Expect(String label) {
			this.label = label;
		}

		boolean accepts(int status) {
			return switch (this) {
				case ALLOWED -> status != 401 && status != 403 && status != 404;
				case FORBIDDEN -> status == 403;
				case HIDDEN -> status == 404;
				case UNAUTHENTICATED -> status == 401;
				case REFUSED -> status == 401 || status == 403 || status == 404;
			};
		}

	}

	/**
	 * Who may call an operation, as docs/API.md says it, and what each signed-in caller gets, in the
	 * order requester, other requester, technician of the group, technician of another group,
	 * supervisor of another group, administrator. The prepared ticket is the requester's, in the
	 * technician's group; the supervisor is in the other technician's group.
	 */
	record Who(String description, Expect requester, Expect otherRequester, Expect technician,
			Expect otherTechnician, Expect supervisor, Expect administrator) {

		Expect of(Caller caller, HttpMethod method) {
			return switch (caller) {
				case ANONYMOUS -> requester == Expect.REFUSED ? Expect.REFUSED : Expect.UNAUTHENTICATED;
				case REQUESTER -> requester;
				case OTHER_REQUESTER -> otherRequester;
				case TECHNICIAN -> technician;
				case OTHER_TECHNICIAN -> otherTechnician;
				case SUPERVISOR -> supervisor;
				case ADMINISTRATOR -> administrator;
				// docs/API.md, Authentication: a read-only token is refused anything but GET, HEAD, OPTIONS
				case READ_ONLY_TOKEN -> method == HttpMethod.GET || administrator == Expect.REFUSED ? administrator
						: Expect.FORBIDDEN;
			};
		}

	}

	private static final Expect A = Expect.ALLOWED;

	private static final Expect F = Expect.FORBIDDEN;

	private static final Expect H = Expect.HIDDEN;

	static final Who ANYONE_SIGNED_IN = new Who("anyone signed in", A, A, A, A, A, A);

	static final Who IT_TEAM = new Who("IT team (requesters: 403)", F, F, A, A, A, A);

	static final Who IT_TEAM_OTHERS_NOT_FOUND = new Who("IT team (others: 404)", H, H, A, A, A, A);

	static final Who SUPERVISORS_ADMINISTRATORS = new Who("supervisors, administrators (others: 403)", F, F, F, F,
			A, A);

	static final Who PAGES_READ = new Who("IT team (requesters: 403, as for all the presentation)", F, F, A, A, A,
			A);

	static final Who PAGES_WRITE = new Who(
			"supervisors, administrators (requesters: 403, as for all the presentation; technicians: 404)", F, F, H,
			H, A, A);

	/** The prepared canned reply is shared with the other group (its technician and its supervisor). */
	static final Who CANNED_REPLY_USE = new Who(
			"IT team; a shared reply: its group's members (another agent: 404)", F, F, H, A, A, A);

	static final Who CANNED_REPLY_CHANGE = new Who(
			"IT team; a shared reply: its group's supervisors and administrators (a member: 403; another agent: 404)",
			F, F, H, F, A, A);

	/** The prepared macro is shared with the ticket's group (its technician). */
	static final Who MACRO_USE = new Who("IT team; a shared macro: its group's members (another agent: 404)", F, F, A,
			H, H, A);

	static final Who MACRO_CHANGE = new Who(
			"IT team; a shared macro: its group's supervisors and administrators (a member: 403; another agent: 404)",
			F, F, F, H, H, A);

	static final Who ADMINISTRATORS = new Who("administrators (others: 403)", F, F, F, F, F, A);

	static final Who WHO_MAY_SEE_THE_TICKET = new Who(
			"who may see the ticket (its requester, the IT team of its group, supervisors, administrators; others: 404)",
			A, H, A, H, A, A);

	static final Who IT_TEAM_WORKING_ON_IT = new Who(
			"IT team working on the ticket (its requester: 403; who does not see it: 404; a supervisor of another group reads it only: 403)",
			F, H, A, H, F, A);

	static final Who TEAM_PART_READ = new Who(
			"IT team, on a ticket they see (others: 404, the part does not exist for them)", H, H, A, H, A, A);

	static final Who TEAM_PART_WRITE = new Who(
			"IT team working on the ticket (others: 404; a supervisor of another group reads it only: 403)", H, H, A,
			H, F, A);

	static final Who THE_REQUESTER = new Who(
			"the ticket's requester (the IT team: 403; who does not see it: 404)", A, H, F, H, F, F);

	static final Who REQUESTER_OR_TEAM_WORKING_ON_IT = new Who(
			"CANCEL: the requester, or the IT team working on it (who does not see it: 404; a supervisor of another group: 403)",
			A, H, A, H, F, A);

	static final Who MAJOR_INCIDENT = new Who(
			"IT team working on it, supervisors, administrators (requester: 403; who does not see it: 404)", F, H, A,
			H, A, A);

	static final Who TEAM_SEEING_THE_TICKET = new Who(
			"IT team who may see the ticket (requesters: 403; a technician who does not see it: 404)", F, F, A, H, A,
			A);

	static final Who SMS_GATEWAY = new Who(
			"the SMS gateway only, by its shared secret or signature (403 without; 404 while the channel is off, as here)",
			Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED);

	/**
	 * One rule per operation of the description: {@code METHOD path} as in /v3/api-docs. Written from
	 * docs/API.md's endpoint table ("Who") and the documents it links to for the rest.
	 */
	static final Map<String, Who> RULES = rules(
			// tickets (API.md, Endpoints)
			rule("POST /api/v1/tickets", ANYONE_SIGNED_IN),
			rule("GET /api/v1/tickets", ANYONE_SIGNED_IN),
			rule("GET /api/v1/tickets.csv", ANYONE_SIGNED_IN),
			rule("GET /api/v1/tickets/counts", IT_TEAM),
			rule("GET /api/v1/tickets/{id}", WHO_MAY_SEE_THE_TICKET),
			rule("PATCH /api/v1/tickets/{id}", IT_TEAM_WORKING_ON_IT),
			rule("POST /api/v1/tickets/{id}/assign", IT_TEAM_WORKING_ON_IT),
			rule("POST /api/v1/tickets/{id}/transitions", REQUESTER_OR_TEAM_WORKING_ON_IT),
			rule("POST /api/v1/tickets/{id}/satisfaction", THE_REQUESTER),
			rule("POST /api/v1/tickets/{id}/self-service-resolution", THE_REQUESTER),
			rule("GET /api/v1/tickets/{id}/history", WHO_MAY_SEE_THE_TICKET),
			rule("GET /api/v1/tickets/{id}/links", WHO_MAY_SEE_THE_TICKET),
			rule("POST /api/v1/tickets/{id}/links", IT_TEAM_WORKING_ON_IT),
			rule("DELETE /api/v1/tickets/{id}/links/{linkId}", IT_TEAM_WORKING_ON_IT),
			rule("POST /api/v1/tickets/{id}/merge", IT_TEAM_WORKING_ON_IT),
			rule("PUT /api/v1/tickets/{id}/major-incident", MAJOR_INCIDENT),
			rule("DELETE /api/v1/tickets/{id}/major-incident", MAJOR_INCIDENT),
			rule("GET /api/v1/tickets/{id}/major-incident/children", WHO_MAY_SEE_THE_TICKET),
			rule("POST /api/v1/tickets/{id}/major-incident/children", MAJOR_INCIDENT),
			rule("GET /api/v1/tickets/{id}/observers", WHO_MAY_SEE_THE_TICKET),
			rule("POST /api/v1/tickets/{id}/observers", IT_TEAM_WORKING_ON_IT),
			rule("DELETE /api/v1/tickets/{id}/observers/{userId}", IT_TEAM_WORKING_ON_IT),
			rule("POST /api/v1/tickets/{id}/escalations", TEAM_PART_WRITE),
			rule("GET /api/v1/tickets/{id}/escalations", TEAM_PART_READ),
			rule("GET /api/v1/tickets/{id}/sla", new Who(
					"who may see the ticket; requesters as the administrator chose (here: nothing, 404)", H, H, A, H,
					A, A)),
			rule("GET /api/v1/tickets/{id}/comments", WHO_MAY_SEE_THE_TICKET),
			rule("POST /api/v1/tickets/{id}/comments", new Who(
					"who may see the ticket (a public reply; a supervisor who reads a ticket may reply)", A, H, A, H,
					A, A)),
			rule("GET /api/v1/tickets/{id}/attachments", WHO_MAY_SEE_THE_TICKET),
			rule("POST /api/v1/tickets/{id}/attachments", new Who(
					"who may see the ticket (a public file; a supervisor who reads a ticket may add files)", A, H, A,
					H, A, A)),
			rule("GET /api/v1/tickets/{id}/attachments/{attachmentId}", WHO_MAY_SEE_THE_TICKET),
			rule("GET /api/v1/tickets/{id}/tasks", TEAM_PART_READ),
			rule("POST /api/v1/tickets/{id}/tasks", TEAM_PART_WRITE),
			rule("PATCH /api/v1/tickets/{id}/tasks/{taskId}", TEAM_PART_WRITE),
			rule("POST /api/v1/tickets/{ticketId}/macros/{id}", new Who(
					"IT team, with a macro they may use, on a ticket they work on (requesters: 403; others: 404)", F, F,
					A, H, H, A)),
			rule("GET /api/v1/categories", ANYONE_SIGNED_IN),
			rule("GET /api/v1/groups", IT_TEAM),
			rule("GET /api/v1/groups/{id}", IT_TEAM),
			rule("POST /api/v1/groups", ADMINISTRATORS),
			rule("PUT /api/v1/groups/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/groups/{id}/members/{userId}", ADMINISTRATORS),
			rule("DELETE /api/v1/groups/{id}/members/{userId}", ADMINISTRATORS),
			rule("GET /api/v1/users", ADMINISTRATORS),
			rule("POST /api/v1/users", ADMINISTRATORS),
			rule("GET /api/v1/users/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/users/{id}", ADMINISTRATORS),
			rule("GET /api/v1/users/password-resets", ADMINISTRATORS),
			rule("POST /api/v1/users/{id}/password-reset", ADMINISTRATORS),
			rule("GET /api/v1/directory/oidc", ADMINISTRATORS),
			rule("PUT /api/v1/directory/oidc", ADMINISTRATORS),
			rule("POST /api/v1/directory/oidc/test", ADMINISTRATORS),
			rule("GET /api/v1/directory/ldap", ADMINISTRATORS),
			rule("POST /api/v1/directory/ldap/sync", ADMINISTRATORS),
			rule("GET /api/v1/admin/backups", ADMINISTRATORS),
			rule("POST /api/v1/admin/backups", ADMINISTRATORS),
			rule("GET /api/v1/categories/{id}", ADMINISTRATORS),
			rule("POST /api/v1/categories", ADMINISTRATORS),
			rule("PUT /api/v1/categories/{id}", ADMINISTRATORS),
			rule("POST /api/v1/categories/{id}/deactivate", ADMINISTRATORS),
			rule("POST /api/v1/categories/{id}/reactivate", ADMINISTRATORS),
			rule("GET /api/v1/admin/settings/priority-matrix", ADMINISTRATORS),
			rule("PUT /api/v1/admin/settings/priority-matrix", ADMINISTRATORS),
			rule("GET /api/v1/admin/settings/reply-to-resolved", ADMINISTRATORS),
			rule("PUT /api/v1/admin/settings/reply-to-resolved", ADMINISTRATORS),
			rule("GET /api/v1/admin/settings/requester-sla", ADMINISTRATORS),
			rule("PUT /api/v1/admin/settings/requester-sla", ADMINISTRATORS),
			rule("GET /api/v1/users/me", ANYONE_SIGNED_IN),
			rule("GET /api/v1/me/notification-preferences", ANYONE_SIGNED_IN),
			rule("PUT /api/v1/me/notification-preferences", ANYONE_SIGNED_IN),
			rule("GET /api/v1/admin/notification-defaults", ADMINISTRATORS),
			rule("PUT /api/v1/admin/notification-defaults", ADMINISTRATORS),
			// announcements
			rule("GET /api/v1/announcements", ANYONE_SIGNED_IN),
			rule("POST /api/v1/announcements", SUPERVISORS_ADMINISTRATORS),
			rule("GET /api/v1/announcements/{id}", SUPERVISORS_ADMINISTRATORS),
			rule("PUT /api/v1/announcements/{id}", SUPERVISORS_ADMINISTRATORS),
			rule("DELETE /api/v1/announcements/{id}", SUPERVISORS_ADMINISTRATORS),
			rule("POST /api/v1/announcements/{id}/end", SUPERVISORS_ADMINISTRATORS),
			rule("POST /api/v1/announcements/{id}/me-too", new Who(
					"anyone signed in outside the IT team, on a current major incident's announcement (IT team: 403)",
					A, A, F, F, F, F)),
			// catalogue, approvals, chat
			rule("GET /api/v1/catalogue", ANYONE_SIGNED_IN),
			rule("POST /api/v1/catalogue/items/{id}/requests", new Who(
					"whoever the item is offered to (here: the requester's department, and the IT team)", A, H, A, A,
					A, A)),
			rule("GET /api/v1/admin/catalogue", ADMINISTRATORS),
			rule("POST /api/v1/admin/catalogue/sections", ADMINISTRATORS),
			rule("PUT /api/v1/admin/catalogue/sections/{id}", ADMINISTRATORS),
			rule("DELETE /api/v1/admin/catalogue/sections/{id}", ADMINISTRATORS),
			rule("POST /api/v1/admin/catalogue/items", ADMINISTRATORS),
			rule("GET /api/v1/admin/catalogue/items/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/admin/catalogue/items/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/admin/catalogue/items/{id}/approval-steps", ADMINISTRATORS),
			rule("GET /api/v1/admin/catalogue/items/{id}/form", ADMINISTRATORS),
			rule("PUT /api/v1/admin/catalogue/items/{id}/form", ADMINISTRATORS),
			rule("GET /api/v1/approvals", ANYONE_SIGNED_IN),
			rule("GET /api/v1/admin/assist", ADMINISTRATORS),
			rule("PUT /api/v1/admin/assist", ADMINISTRATORS),
			rule("POST /api/v1/admin/assist/training", ADMINISTRATORS),
			rule("GET /api/v1/admin/assist/generative", ADMINISTRATORS),
			rule("PUT /api/v1/admin/assist/generative", ADMINISTRATORS),
			rule("GET /api/v1/admin/assist/generative/usage", ADMINISTRATORS),
			rule("POST /api/v1/admin/assist/generative/test", ADMINISTRATORS),
			rule("GET /api/v1/admin/assist/self-service", ADMINISTRATORS),
			rule("PUT /api/v1/admin/assist/self-service", ADMINISTRATORS),
			rule("POST /api/v1/approvals/{id}/decision", new Who(
					"anyone signed in: the approver it waits for decides, anyone else is answered 409", A, A, A, A,
					A, A)),
			rule("GET /api/v1/chat/conversations/{id}", new Who(
					"the conversation's requester and the agents of the chat groups (N1 here; others: 404)", A, H, A,
					H, H, H)),
			// SLA, escalation levels, calendars (docs/SLA.md, ESCALATION.md, CALENDARS.md)
			rule("GET /api/v1/sla-policies", IT_TEAM),
			rule("GET /api/v1/sla-policies/{id}", IT_TEAM),
			rule("POST /api/v1/sla-policies", ADMINISTRATORS),
			rule("PUT /api/v1/sla-policies/{id}", ADMINISTRATORS),
			rule("DELETE /api/v1/sla-policies/{id}", ADMINISTRATORS),
			rule("GET /api/v1/sla-policies/{id}/escalation-levels", IT_TEAM),
			rule("PUT /api/v1/sla-policies/{id}/escalation-levels", ADMINISTRATORS),
			rule("GET /api/v1/calendars", IT_TEAM),
			rule("GET /api/v1/calendars/{id}", IT_TEAM),
			rule("POST /api/v1/calendars", ADMINISTRATORS),
			rule("PUT /api/v1/calendars/{id}", ADMINISTRATORS),
			rule("DELETE /api/v1/calendars/{id}", ADMINISTRATORS),
			rule("POST /api/v1/calendars/{id}/deadline", IT_TEAM),
			rule("POST /api/v1/calendars/{id}/business-time", IT_TEAM),
			// routing (docs/ROUTING.md, API: reading an agent role, writing the administrator, absences also a supervisor)
			rule("GET /api/v1/routing-rules", IT_TEAM),
			rule("GET /api/v1/routing-rules/{id}", IT_TEAM),
			rule("POST /api/v1/routing-rules", ADMINISTRATORS),
			rule("PUT /api/v1/routing-rules/{id}", ADMINISTRATORS),
			rule("DELETE /api/v1/routing-rules/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/routing-rules/order", ADMINISTRATORS),
			rule("POST /api/v1/routing-rules/test", IT_TEAM),
			rule("GET /api/v1/technicians/{id}/skills", IT_TEAM),
			rule("PUT /api/v1/technicians/{id}/skills", ADMINISTRATORS),
			rule("GET /api/v1/technicians/{id}/absences", IT_TEAM),
			rule("POST /api/v1/technicians/{id}/absences", SUPERVISORS_ADMINISTRATORS),
			rule("DELETE /api/v1/technicians/{id}/absences/{absenceId}", SUPERVISORS_ADMINISTRATORS),
			rule("GET /api/v1/groups/{id}/assignment", IT_TEAM),
			rule("PUT /api/v1/groups/{id}/assignment", ADMINISTRATORS),
			rule("DELETE /api/v1/groups/{id}", ADMINISTRATORS),
			// canned replies and macros: IT team; the objects here are shared with the other group
			rule("GET /api/v1/canned-replies", IT_TEAM),
			rule("POST /api/v1/canned-replies", IT_TEAM),
			rule("GET /api/v1/canned-replies/{id}", CANNED_REPLY_USE),
			rule("PUT /api/v1/canned-replies/{id}", CANNED_REPLY_CHANGE),
			rule("DELETE /api/v1/canned-replies/{id}", CANNED_REPLY_CHANGE),
			rule("GET /api/v1/canned-replies/{id}/expanded", new Who(
					"IT team, a reply they may use, on a ticket they see (others: 404)", F, F, H, H, A, A)),
			rule("GET /api/v1/macros", IT_TEAM),
			rule("POST /api/v1/macros", IT_TEAM),
			rule("GET /api/v1/macros/{id}", MACRO_USE),
			rule("PUT /api/v1/macros/{id}", MACRO_CHANGE),
			rule("DELETE /api/v1/macros/{id}", MACRO_CHANGE),
			// KPIs
			rule("GET /api/v1/kpis", IT_TEAM),
			rule("GET /api/v1/kpis/backlog/trend", IT_TEAM),
			rule("GET /api/v1/kpis/volumes", IT_TEAM),
			rule("GET /api/v1/kpis/deflection", IT_TEAM),
			rule("GET /api/v1/kpis/recurring-incidents", IT_TEAM),
			rule("GET /api/v1/kpis/review", IT_TEAM),
			rule("GET /api/v1/kpis/targets", IT_TEAM),
			rule("PUT /api/v1/kpis/targets", ADMINISTRATORS),
			// administration
			rule("GET /api/v1/admin/settings/closure", ADMINISTRATORS),
			rule("PUT /api/v1/admin/settings/closure", ADMINISTRATORS),
			rule("GET /api/v1/admin/settings/survey", ADMINISTRATORS),
			rule("PUT /api/v1/admin/settings/survey", ADMINISTRATORS),
			rule("POST /api/v1/admin/ticket-facts/rebuild", ADMINISTRATORS),
			rule("POST /api/v1/admin/kpi-days/rebuild", ADMINISTRATORS),
			rule("GET /api/v1/admin/search-index", ADMINISTRATORS),
			rule("POST /api/v1/admin/search-index/rebuild", ADMINISTRATORS),
			rule("GET /api/v1/admin/mail", ADMINISTRATORS),
			rule("GET /api/v1/admin/mail/outbox", ADMINISTRATORS),
			rule("POST /api/v1/admin/mail/outbox/{id}/resend", ADMINISTRATORS),
			rule("GET /api/v1/mailboxes", ADMINISTRATORS),
			rule("POST /api/v1/mailboxes", ADMINISTRATORS),
			rule("GET /api/v1/mailboxes/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/mailboxes/{id}", ADMINISTRATORS),
			rule("DELETE /api/v1/mailboxes/{id}", ADMINISTRATORS),
			rule("POST /api/v1/mailboxes/{id}/test", ADMINISTRATORS),
			rule("POST /api/v1/mailboxes/test", ADMINISTRATORS),
			rule("GET /api/v1/mail-templates", ADMINISTRATORS),
			rule("GET /api/v1/mail-templates/{kind}/{language}", ADMINISTRATORS),
			rule("PUT /api/v1/mail-templates/{kind}/{language}", ADMINISTRATORS),
			rule("POST /api/v1/mail-templates/{kind}/{language}/preview", ADMINISTRATORS),
			rule("DELETE /api/v1/mail-templates/{kind}/{language}", ADMINISTRATORS),
			rule("GET /api/v1/webhooks", ADMINISTRATORS),
			rule("POST /api/v1/webhooks", ADMINISTRATORS),
			rule("GET /api/v1/webhooks/{id}", ADMINISTRATORS),
			rule("PUT /api/v1/webhooks/{id}", ADMINISTRATORS),
			rule("DELETE /api/v1/webhooks/{id}", ADMINISTRATORS),
			rule("GET /api/v1/webhooks/{id}/deliveries", ADMINISTRATORS),
			rule("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend", ADMINISTRATORS),
			rule("GET /api/v1/admin/sms", ADMINISTRATORS),
			rule("GET /api/v1/admin/sms/settings", ADMINISTRATORS),
			rule("PUT /api/v1/admin/sms/settings", ADMINISTRATORS),
			rule("POST /api/v1/admin/sms/test", ADMINISTRATORS),
			rule("GET /api/v1/admin/sms/outbox", ADMINISTRATORS),
			rule("POST /api/v1/admin/sms/outbox/{id}/resend", ADMINISTRATORS),
			rule("POST /api/v1/sms/inbound/generic", SMS_GATEWAY),
			rule("POST /api/v1/sms/inbound/twilio", SMS_GATEWAY),
			// knowledge base: reading anyone signed in (requesters: published public only), writing the IT team
			rule("GET /api/v1/articles", ANYONE_SIGNED_IN),
			rule("POST /api/v1/articles", IT_TEAM),
			rule("GET /api/v1/articles/search", ANYONE_SIGNED_IN),
			rule("GET /api/v1/articles/{id}", ANYONE_SIGNED_IN),
			rule("PUT /api/v1/articles/{id}", IT_TEAM),
			rule("DELETE /api/v1/articles/{id}", new Who(
					"a draft: its owner (the technician here), supervisors, administrators (another technician: 403; requesters do not see drafts: 404)",
					H, H, A, F, A, A)),
			rule("POST /api/v1/articles/{id}/{action}", IT_TEAM),
			rule("POST /api/v1/articles/{id}/translation", IT_TEAM),
			rule("GET /api/v1/articles/{id}/versions", IT_TEAM_OTHERS_NOT_FOUND),
			rule("GET /api/v1/articles/{id}/versions/{number}", IT_TEAM_OTHERS_NOT_FOUND),
			rule("GET /api/v1/articles/{id}/diff", IT_TEAM_OTHERS_NOT_FOUND),
			rule("PUT /api/v1/articles/{id}/feedback", new Who(
					"whoever reads it, once published, but its owner (the technician here: 403)", A, A, F, A, A, A)),
			rule("GET /api/v1/articles/{id}/feedback", IT_TEAM_OTHERS_NOT_FOUND),
			rule("POST /api/v1/articles/{id}/files", IT_TEAM),
			rule("GET /api/v1/articles/{id}/files", ANYONE_SIGNED_IN),
			rule("GET /api/v1/search", ANYONE_SIGNED_IN),
			// presenting the service (API.md: requesters get none of it but their own ticket's dossier)
			rule("GET /api/v1/flowchart", SUPERVISORS_ADMINISTRATORS),
			rule("GET /api/v1/tickets/{id}/flowchart", TEAM_SEEING_THE_TICKET),
			rule("GET /api/v1/about", SUPERVISORS_ADMINISTRATORS),
			rule("GET /api/v1/presentation", SUPERVISORS_ADMINISTRATORS),
			rule("GET /api/v1/examples", IT_TEAM),
			rule("PUT /api/v1/tickets/{id}/example", TEAM_SEEING_THE_TICKET),
			rule("DELETE /api/v1/tickets/{id}/example", TEAM_SEEING_THE_TICKET),
			rule("GET /api/v1/tickets/{id}/dossier", new Who(
					"the IT team who may read the ticket, and the requester who requested it (others: 404)", A, H, A,
					H, A, A)),
			rule("GET /api/v1/presentation/pages", PAGES_READ),
			rule("GET /api/v1/presentation/pages/{id}", PAGES_READ),
			rule("POST /api/v1/presentation/pages", PAGES_WRITE),
			rule("PUT /api/v1/presentation/pages/{id}", PAGES_WRITE),
			rule("POST /api/v1/presentation/pages/{id}/move", PAGES_WRITE),
			rule("DELETE /api/v1/presentation/pages/{id}", PAGES_WRITE));

	/**
	 * The operations whose call changes what later calls read: each caller calls them on objects
	 * made for that call alone (see {@link Prepared#fresh}).
	 */
	static final Set<String> FRESH = Set.of("PATCH /api/v1/tickets/{id}", "POST /api/v1/tickets/{id}/assign",
			"POST /api/v1/tickets/{id}/transitions", "POST /api/v1/tickets/{id}/merge",
			"POST /api/v1/tickets/{id}/links", "PUT /api/v1/tickets/{id}/major-incident",
			"POST /api/v1/tickets/{id}/major-incident/children", "POST /api/v1/tickets/{id}/observers",
			"POST /api/v1/tickets/{id}/escalations", "POST /api/v1/tickets/{ticketId}/macros/{id}",
			"POST /api/v1/announcements/{id}/end", "POST /api/v1/articles/{id}/{action}",
			"POST /api/v1/articles/{id}/translation", "PUT /api/v1/groups/{id}/members/{userId}",
			"POST /api/v1/categories/{id}/deactivate", "POST /api/v1/categories/{id}/reactivate");

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	IndexBuild indexBuild;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserRepository users;

	@Autowired
	Calendars calendars;

	@Autowired
	SlaPolicyRepository policies;

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Chats chats;

	@Autowired
	ChatPresence presence;

	MockMvc mvc;

	final Map<Caller, String> authorization = new EnumMap<>(Caller.class);

	final Map<String, Object> shared = new HashMap<>();

	String department;

	User requester;

	User technician;

	User supervisor;

	User administrator;

	User observer;

	SupportGroup group;

	SupportGroup otherGroup;

	long calendarId;

	@BeforeAll
	void mockMvc() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	/** The objects the calls need, made once by the test that calls. */
	private void prepare() throws Exception {
		department = "Authorization " + UUID.randomUUID();
		calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Policy " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(1), Duration.ofHours(4));
		}
		policies.save(policy);
		supervisor = fixtures.user("authz-supervisor", Role.SUPERVISOR);
		requester = fixtures.user("authz-requester", Role.REQUESTER);
		requester.setDepartment(department);
		requester.setManager(supervisor);
		users.save(requester);
		User otherRequester = fixtures.user("authz-other", Role.REQUESTER);
		technician = fixtures.user("authz-tech", Role.TECHNICIAN);
		User otherTechnician = fixtures.user("authz-other-tech", Role.TECHNICIAN);
		administrator = fixtures.user("authz-admin", Role.ADMINISTRATOR);
		observer = fixtures.user("authz-observer", Role.REQUESTER);
		group = fixtures.group(SupportLevel.N1, technician);
		otherGroup = fixtures.group(SupportLevel.N2, otherTechnician, supervisor);
		authorization.put(Caller.REQUESTER, bearer(requester, TokenScope.FULL));
		authorization.put(Caller.OTHER_REQUESTER, bearer(otherRequester, TokenScope.FULL));
		authorization.put(Caller.TECHNICIAN, bearer(technician, TokenScope.FULL));
		authorization.put(Caller.OTHER_TECHNICIAN, bearer(otherTechnician, TokenScope.FULL));
		authorization.put(Caller.SUPERVISOR, bearer(supervisor, TokenScope.FULL));
		authorization.put(Caller.ADMINISTRATOR, bearer(administrator, TokenScope.FULL));
		authorization.put(Caller.READ_ONLY_TOKEN, bearer(administrator, TokenScope.READ_ONLY));

		long ticket = ticket();
		shared.put("ticket", ticket);
		shared.put("partner", ticket());
		String path = "/api/v1/tickets/" + ticket;
		asAdmin(HttpMethod.POST, path + "/comments", Map.of("body", "We are on it", "internal", false));
		shared.put("attachment", id(mvc.perform(multipart(path + "/attachments")
			.file(new MockMultipartFile("file", "procedure.txt", "text/plain", "restart".getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", authorization.get(Caller.ADMINISTRATOR))).andReturn().getResponse()));
		shared.put("task", id(asAdmin(HttpMethod.POST, path + "/tasks", Map.of("title", "Order a screen"))));
		shared.put("observer", observer.getId());

		prepared("article", () -> article(true));
		shared.put("sla-policy", policy.getId());
		shared.put("calendar", calendarId);
		prepared("webhook", () -> id(JSON.readTree(asAdmin(HttpMethod.POST, "/api/v1/webhooks", webhookBody(true))
			.getContentAsString()).get("webhook")));
		prepared("mailbox", () -> id(asAdmin(HttpMethod.POST, "/api/v1/mailboxes", mailboxBody())));
		prepared("routing-rule", () -> id(asAdmin(HttpMethod.POST, "/api/v1/routing-rules", routingRuleBody())));
		prepared("absence", () -> id(asAdmin(HttpMethod.POST,
				"/api/v1/technicians/" + technician.getId() + "/absences", absenceBody())));
		prepared("canned-reply", () -> id(asAdmin(HttpMethod.POST, "/api/v1/canned-replies", cannedReplyBody())));
		prepared("macro", () -> id(asAdmin(HttpMethod.POST, "/api/v1/macros", macroBody())));
		prepared("page", () -> id(asAdmin(HttpMethod.POST, "/api/v1/presentation/pages", pageBody())));
		prepared("announcement",
				() -> id(asAdmin(HttpMethod.POST, "/api/v1/announcements", announcementBody(null))));
		prepared("major-announcement", () -> {
			long major = ticket();
			asAdmin(HttpMethod.PUT, "/api/v1/tickets/" + major + "/major-incident", Map.of("reason", "Mail down"));
			return id(asAdmin(HttpMethod.POST, "/api/v1/announcements", announcementBody(major)));
		});
		prepared("chat", () -> {
			presence.arrive(technician.getId());
			try {
				return chats.start("My screen is black", TestFixtures.current(requester)).conversation().getId();
			}
			finally {
				presence.leave(technician.getId());
			}
		});
		prepared("catalogue-item", () -> {
			CurrentUser admin = TestFixtures.current(administrator);
			CatalogueItem item = catalogue.addItem(catalogue.addSection("Authz", "Authz", admin).getId(),
					new ItemDescription("Poste " + department, "Laptop " + department, null, null, "laptop",
							TicketType.SERVICE_REQUEST, null, group.getId(), "Laptop request", List.of()),
					List.of(department), List.of(), admin);
			catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("vpn", FieldKind.YES_NO, "VPN",
					"VPN", null, null, false, null, null, null, null, null, null, List.of(), null))), admin);
			catalogue.requireApproval(item.getId(), List.of(new ItemApprovalStep(StepPlan.manager(), null)), admin);
			return item.getId();
		});
		prepared("approval", () -> {
			call(Caller.REQUESTER, HttpMethod.POST, "/api/v1/catalogue/items/" + shared.get("catalogue-item") + "/requests",
					Map.of("answers", Map.of()));
			JsonNode waiting = JSON.readTree(call(Caller.SUPERVISOR, HttpMethod.GET, "/api/v1/approvals", null)
				.getContentAsString());
			return waiting.get(0).get("approval").get("id").asLong();
		});
		prepared("delivery", () -> JSON.readTree(call(Caller.ADMINISTRATOR, HttpMethod.GET,
				"/api/v1/webhooks/" + shared.get("webhook") + "/deliveries", null).getContentAsString())
			.get(0)
			.get("id")
			.asLong());
	}

	/** Objects the test could not prepare, with why: reported with the mismatches. */
	final List<String> unprepared = new ArrayList<>();

	private void prepared(String name, Preparation preparation) {
		try {
			shared.put(name, preparation.make());
		}
		catch (Exception | AssertionError ex) {
			unprepared.add("could not prepare the " + name + ": " + ex);
			shared.put(name, 0L);
		}
	}

	interface Preparation {

		Object make() throws Exception;

	}

	@AfterAll
	void removeAnnouncements() {
		fixtures.removeAnnouncements();
	}

	@Test
	void everyOperationOfTheDescriptionHasARuleAndEveryRuleAnOperation() throws Exception {
		List<String> problems = new ArrayList<>();
		Set<String> described = new TreeSet<>();
		for (Operation operation : describedOperations()) {
			described.add(operation.key());
			if (!RULES.containsKey(operation.key())) {
				problems.add(operation.key()
						+ ": no rule says who may call it; declare one in ApiAuthorizationMatrixIT.RULES, from docs/API.md's endpoint table");
			}
		}
		for (String declared : RULES.keySet()) {
			if (!described.contains(declared)) {
				problems.add(declared + ": a rule in ApiAuthorizationMatrixIT.RULES for an operation the OpenAPI description does not have");
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * About 1,300 calls, several minutes: in the full sweep ({@code -Pfull}) only, which CI runs
	 * after the everyday build; the everyday build checks that every operation has its rule.
	 */
	@Test
	void everyOperationAnswersEachCallerAsThePermissionRulesSay() throws Exception {
		assumeTrue(TestSweep.full(), "the calls of the authorization matrix run in the full sweep (-Pfull)");
		prepare();
		List<Operation> operations = describedOperations();
		List<String> problems = new ArrayList<>(unprepared);
		operations.sort(Comparator.comparingInt(Operation::phase));
		Map<Operation, Map<Caller, Integer>> matrix = new LinkedHashMap<>();
		Map<Operation, Long> millis = new HashMap<>();
		for (Operation operation : operations) {
			Who who = RULES.get(operation.key());
			if (who == null) {
				continue;
			}
			Map<Caller, Integer> row = new EnumMap<>(Caller.class);
			long began = System.nanoTime();
			for (Caller caller : Caller.values()) {
				int status;
				try {
					MockHttpServletResponse answer = call(operation, caller);
					status = answer.getStatus();
					if ((status == 401 || status == 403) && !answer.getContentAsString().contains("\"code\"")) {
						problems.add(operation.key() + " as " + caller.label + ": " + status + " without a code");
					}
				}
				catch (Exception | AssertionError ex) {
					problems.add(operation.key() + " as " + caller.label + ": could not call it: " + ex);
					status = -1;
				}
				row.put(caller, status);
				Expect expected = who.of(caller, operation.method());
				if (!expected.accepts(status)) {
					problems.add(operation.key() + " as " + caller.label + ": " + status + ", expected " + expected.label
							+ " (" + who.description() + ")");
				}
			}
			matrix.put(operation, row);
			millis.put(operation, (System.nanoTime() - began) / 1_000_000);
		}
		write(matrix, millis);
		// the administrator's rebuild runs on in the background: the index is whole again before the tests that follow search it
		Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> indexBuild.progress() == null
				|| indexBuild.progress().finishedAt() != null);
		assertThat(problems).as("answers that are not what docs/API.md says (matrix in target/api-authorization-matrix.md)")
			.isEmpty();
	}

	@Test
	void theDescriptionHasEveryApiEndpoint() throws Exception {
		Set<String> described = new TreeSet<>();
		describedOperations().forEach(operation -> described.add(operation.key()));
		Set<String> mapped = new TreeSet<>();
		handlers.getHandlerMethods().keySet().forEach(info -> info.getPatternValues()
			.stream()
			.filter(pattern -> pattern.startsWith("/api/"))
			.forEach(pattern -> info.getMethodsCondition()
				.getMethods()
				.forEach(method -> mapped.add(method.name() + " " + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}")))));
		mapped.removeAll(described);
		assertThat(mapped).as("endpoints under /api/ that the OpenAPI description (/v3/api-docs) hides").isEmpty();
	}

	/** An operation of the description. */
	record Operation(HttpMethod method, String path) {

		String key() {
			return method.name() + " " + path;
		}

		/** Reads first, then writes, deletions last. */
		int phase() {
			return method == HttpMethod.GET ? 0 : method == HttpMethod.DELETE ? 2 : 1;
		}

	}

	private @Nullable JsonNode description;

	/** The OpenAPI description, read once. */
	private JsonNode description() throws Exception {
		if (description == null) {
			description = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		}
		return description;
	}

	private List<Operation> describedOperations() throws Exception {
		JsonNode description = description();
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
			for (String method : path.getValue().propertyNames()) {
				operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path.getKey()));
			}
		}
		return operations;
	}

	private MockHttpServletResponse call(Operation operation, Caller caller) throws Exception {
		Map<String, Object> variables = new HashMap<>();
		boolean fresh = FRESH.contains(operation.key()) || operation.method() == HttpMethod.DELETE;
		Matcher matcher = Pattern.compile("/(?:([^/{]+)/)?\\{(\\w+)}").matcher(operation.path());
		int start = 0;
		while (matcher.find(start)) {
			String segment = matcher.group(1);
			String variable = matcher.group(2);
			variables.put(variable, pathVariable(operation, segment, variable, fresh, variables));
			start = matcher.end() - 1;
		}
		String uri = UriComponentsBuilder.fromPath(operation.path()).buildAndExpand(variables).toUriString()
				+ query(operation, variables);
		if (operation.key().endsWith("/files") && operation.method() == HttpMethod.POST
				|| operation.key().equals("POST /api/v1/tickets/{id}/attachments")) {
			AbstractMockHttpServletRequestBuilder<?> upload = multipart(uri).file(new MockMultipartFile("file", "note.txt",
					"text/plain", "a note".getBytes(StandardCharsets.UTF_8)));
			return perform(upload, caller);
		}
		if (operation.key().equals("POST /api/v1/sms/inbound/twilio")) {
			return perform(request(HttpMethod.POST, uri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("From=%2B33600000000&Body=Hello&MessageSid=SM1"), caller);
		}
		return call(caller, operation.method(), uri, body(operation, caller));
	}

	/**
	 * The value of a path variable: the prepared object its segment names ({@code /tickets/{id}}:
	 * the requester's ticket), or one made for this call alone when {@code fresh}.
	 */
	private Object pathVariable(Operation operation, String segment, String variable, boolean fresh,
			Map<String, Object> before) throws Exception {
		return switch (segment + "/" + variable) {
			case "tickets/id", "tickets/ticketId" -> {
				if (operation.path().contains("/major-incident") && operation.method() == HttpMethod.DELETE) {
					long major = ticket();
					asAdmin(HttpMethod.PUT, "/api/v1/tickets/" + major + "/major-incident", Map.of());
					yield major;
				}
				yield fresh ? ticket() : shared.get("ticket");
			}
			case "links/linkId" -> id(asAdmin(HttpMethod.POST, "/api/v1/tickets/" + before.get("id") + "/links",
					Map.of("relation", "RELATED_TO", "ticket", shared.get("partner"))));
			case "observers/userId" -> {
				asAdmin(HttpMethod.POST, "/api/v1/tickets/" + before.get("id") + "/observers",
						Map.of("userId", observer.getId()));
				yield observer.getId();
			}
			case "attachments/attachmentId" -> shared.get("attachment");
			case "tasks/taskId" -> shared.get("task");
			case "macros/id" -> fresh && operation.method() == HttpMethod.DELETE
					? id(asAdmin(HttpMethod.POST, "/api/v1/macros", macroBody())) : shared.get("macro");
			case "canned-replies/id" -> fresh ? id(asAdmin(HttpMethod.POST, "/api/v1/canned-replies", cannedReplyBody()))
					: shared.get("canned-reply");
			case "articles/id" -> fresh ? article(operation.method() != HttpMethod.DELETE) : shared.get("article");
			case "versions/number" -> 1;
			case "announcements/id" -> operation.path().endsWith("/me-too") ? shared.get("major-announcement")
					: fresh ? id(asAdmin(HttpMethod.POST, "/api/v1/announcements", announcementBody(null)))
							: shared.get("announcement");
			case "approvals/id" -> shared.get("approval");
			case "items/id" -> shared.get("catalogue-item");
			case "sections/id" -> catalogue.addSection("Authz " + UUID.randomUUID(), "Authz", TestFixtures.current(administrator))
				.getId();
			case "conversations/id" -> shared.get("chat");
			case "sla-policies/id" -> fresh ? id(asAdmin(HttpMethod.POST, "/api/v1/sla-policies", slaPolicyBody()))
					: shared.get("sla-policy");
			case "calendars/id" -> fresh ? calendars.define("Throwaway " + UUID.randomUUID(),
					StandardCalendars.twentyFourSeven()).id() : shared.get("calendar");
			case "routing-rules/id" -> fresh ? id(asAdmin(HttpMethod.POST, "/api/v1/routing-rules", routingRuleBody()))
					: shared.get("routing-rule");
			case "technicians/id" -> technician.getId();
			case "outbox/id" -> operation.path().startsWith("/api/v1/admin/sms/") ? failedSms() : queuedMail();
			case "absences/absenceId" -> id(asAdmin(HttpMethod.POST,
					"/api/v1/technicians/" + technician.getId() + "/absences", absenceBody()));
			case "groups/id" -> fresh ? fixtures.group(SupportLevel.N2).getId() : group.getId();
			case "mailboxes/id" -> fresh ? id(asAdmin(HttpMethod.POST, "/api/v1/mailboxes", mailboxBody()))
					: shared.get("mailbox");
			case "webhooks/id" -> fresh ? id(JSON.readTree(asAdmin(HttpMethod.POST, "/api/v1/webhooks", webhookBody(false)).getContentAsString())
					.get("webhook"))
					: shared.get("webhook");
			case "deliveries/deliveryId" -> shared.get("delivery");
			case "pages/id" -> fresh ? id(asAdmin(HttpMethod.POST, "/api/v1/presentation/pages", pageBody()))
					: shared.get("page");
			case "mail-templates/kind" -> "AGENT_NOTICE";
			case "users/id", "members/userId" -> technician.getId();
			case "categories/id" -> fixtures.category("Authorization " + UUID.randomUUID()).getId();
			default -> {
				if (variable.equals("language")) {
					yield "en";
				}
				if (variable.equals("action")) {
					yield "submit";
				}
				throw new AssertionError(operation.key() + ": no prepared object for {" + variable + "} after /"
						+ segment + "; say which one in ApiAuthorizationMatrixIT.pathVariable");
			}
		};
	}

	private String query(Operation operation, Map<String, Object> variables) {
		return switch (operation.key()) {
			case "GET /api/v1/canned-replies/{id}/expanded" -> "?ticketId=" + shared.get("ticket");
			case "GET /api/v1/articles/{id}/diff" -> "?from=1&to=1";
			case "GET /api/v1/articles/search", "GET /api/v1/search" -> "?q=screen";
			case "GET /api/v1/about" -> "?format=json";
			case "GET /api/v1/tickets/{id}/dossier" -> "?format=html";
			case "GET /api/v1/kpis/review" -> "?format=html";
			case "POST /api/v1/presentation/pages/{id}/move" -> "?offset=1";
			// to before from: a permitted caller gets the quick 400 behind the permission check, not a PDF
			case "GET /api/v1/presentation" -> "?from=2026-01-02&to=2026-01-01&format=pdf";
			default -> "";
		};
	}

	/**
	 * A minimal valid body, so that a call reaches the permission check behind the body's validation.
	 * Without one written here, the administrator sends {@code {}} (refused, nothing changes) and
	 * everyone else a body holding every required property ({@link OpenApiBodies#filled}), which the
	 * permission check refuses or the endpoint answers.
	 */
	private @Nullable Object body(Operation operation, Caller caller) throws Exception {
		if (operation.method() == HttpMethod.GET || operation.method() == HttpMethod.DELETE) {
			return null;
		}
		return switch (operation.key()) {
			case "POST /api/v1/tickets" -> newTicket();
			case "PATCH /api/v1/tickets/{id}" -> Map.of("title", "Still black", "version", 0);
			case "POST /api/v1/tickets/{id}/assign" -> Map.of("groupId", group.getId());
			case "POST /api/v1/tickets/{id}/transitions" -> Map.of("action", "CANCEL", "reason", "Works again");
			case "POST /api/v1/tickets/{id}/satisfaction" -> Map.of("rating", 5);
			case "POST /api/v1/tickets/{id}/self-service-resolution" -> Map.of("articleId", shared.get("article"));
			case "POST /api/v1/tickets/{id}/links" -> Map.of("relation", "RELATED_TO", "ticket", shared.get("partner"));
			case "POST /api/v1/tickets/{id}/merge" -> Map.of("into", ticket());
			case "PUT /api/v1/tickets/{id}/major-incident" -> Map.of("reason", "Mail down");
			case "POST /api/v1/tickets/{id}/major-incident/children" -> Map.of("tickets", List.of(ticket()));
			case "POST /api/v1/tickets/{id}/observers" -> Map.of("userId", observer.getId());
			case "POST /api/v1/tickets/{id}/escalations" -> Map.of("kind", "FUNCTIONAL", "groupId",
					otherGroup.getId(), "reason", "Needs N2");
			case "POST /api/v1/tickets/{id}/comments" -> Map.of("body", "Any news?", "internal", false);
			case "POST /api/v1/tickets/{id}/tasks" -> Map.of("title", "Check the cable");
			case "PATCH /api/v1/tickets/{id}/tasks/{taskId}" -> Map.of("status", "IN_PROGRESS");
			case "PUT /api/v1/tickets/{id}/example" -> Map.of("reason", "A clear case", "kind", "LESSON");
			case "POST /api/v1/announcements" -> announcementBody(null);
			case "PUT /api/v1/announcements/{id}" -> onFirstVersion(announcementBody(null));
			case "POST /api/v1/catalogue/items/{id}/requests" -> Map.of("answers", Map.of());
			// the shared item keeps the step its approval waits for
			case "PUT /api/v1/admin/catalogue/items/{id}/approval-steps" -> Map.of("approvalSteps",
					List.of(Map.of("kind", "MANAGER")));
			case "POST /api/v1/approvals/{id}/decision" -> Map.of("verdict", "APPROVE");
			case "POST /api/v1/sla-policies" -> slaPolicyBody();
			case "PUT /api/v1/sla-policies/{id}" -> onFirstVersion(slaPolicyBody());
			case "PUT /api/v1/sla-policies/{id}/escalation-levels" -> Map.of("levels", List.of());
			case "POST /api/v1/calendars" -> calendarBody();
			case "PUT /api/v1/calendars/{id}" -> onFirstVersion(calendarBody());
			case "POST /api/v1/calendars/{id}/deadline" -> Map.of("start", "2027-03-01T09:00:00", "duration", "PT2H");
			case "POST /api/v1/calendars/{id}/business-time" -> Map.of("from", "2027-03-01T09:00:00", "to",
					"2027-03-01T11:00:00");
			case "POST /api/v1/routing-rules" -> routingRuleBody();
			case "PUT /api/v1/routing-rules/{id}" -> onFirstVersion(routingRuleBody());
			case "PUT /api/v1/routing-rules/order" -> Map.of("ids", List.of());
			case "POST /api/v1/routing-rules/test" -> Map.of("type", "INCIDENT", "title", "Screen");
			case "PUT /api/v1/technicians/{id}/skills" -> Map.of("categoryIds", List.of());
			case "POST /api/v1/technicians/{id}/absences" -> absenceBody();
			case "PUT /api/v1/groups/{id}/assignment" -> Map.of("mode", "NONE");
			case "POST /api/v1/canned-replies" -> cannedReplyBody();
			case "PUT /api/v1/canned-replies/{id}" -> onFirstVersion(cannedReplyBody());
			case "POST /api/v1/macros" -> macroBody();
			case "PUT /api/v1/macros/{id}" -> onFirstVersion(macroBody());
			case "POST /api/v1/tickets/{ticketId}/macros/{id}" -> Map.of();
			case "PUT /api/v1/kpis/targets" -> JSON.readTree(
					call(Caller.ADMINISTRATOR, HttpMethod.GET, "/api/v1/kpis/targets", null).getContentAsString())
				.isEmpty() ? Map.of("targets", List.of()) : Map.of("targets", JSON.readTree(
						call(Caller.ADMINISTRATOR, HttpMethod.GET, "/api/v1/kpis/targets", null).getContentAsString()));
			case "PUT /api/v1/admin/settings/closure", "PUT /api/v1/admin/settings/survey" -> JSON.readTree(
					call(Caller.ADMINISTRATOR, HttpMethod.GET, operation.path(), null).getContentAsString());
			case "PUT /api/v1/me/notification-preferences", "PUT /api/v1/admin/notification-defaults" -> List.of();
			case "POST /api/v1/mailboxes", "PUT /api/v1/mailboxes/{id}", "POST /api/v1/mailboxes/test" -> mailboxBody();
			case "PUT /api/v1/mail-templates/{kind}/{language}",
					"POST /api/v1/mail-templates/{kind}/{language}/preview" -> {
				JsonNode template = JSON.readTree(call(Caller.ADMINISTRATOR, HttpMethod.GET,
						"/api/v1/mail-templates/AGENT_NOTICE/en", null).getContentAsString());
				yield Map.of("subject", template.get("defaultSubject").asString(), "body",
						template.get("defaultBody").asString());
			}
			case "POST /api/v1/webhooks", "PUT /api/v1/webhooks/{id}" -> webhookBody(false);
			case "POST /api/v1/sms/inbound/generic" -> Map.of("from", "+33600000000", "to", "+33700000000", "text",
					"Hello", "messageId", UUID.randomUUID().toString());
			case "POST /api/v1/articles" -> articleBody();
			case "PUT /api/v1/articles/{id}" -> onFirstVersion(articleBody());
			case "PUT /api/v1/articles/{id}/feedback" -> Map.of("helpful", true);
			case "POST /api/v1/presentation/pages" -> pageBody();
			case "PUT /api/v1/presentation/pages/{id}" -> Map.of("title", "Our desk", "body", "Our desk", "version", 0);
			default -> {
				JsonNode schema = new OpenApiBodies(description()).bodySchema(operation.method().name(), operation.path());
				yield caller == Caller.ADMINISTRATOR || schema == null ? Map.of() : new OpenApiBodies(description()).filled(schema);
			}
		};
	}

	/**
	 * A change naming the version a record is created with: a change must name one (428 otherwise),
	 * and one made on an older version is 412, which lets the caller through as well.
	 */
	private static Map<String, Object> onFirstVersion(Map<String, Object> body) {
		Map<String, Object> versioned = new LinkedHashMap<>(body);
		versioned.put("version", 0);
		return versioned;
	}

	private Map<String, Object> calendarBody() {
		return Map.of("name", "Calendar " + UUID.randomUUID(), "ranges", List.of(), "holidays", List.of(),
				"exceptionalOpenings", List.of());
	}

	private long ticket() throws Exception {
		long id = id(call(Caller.REQUESTER, HttpMethod.POST, "/api/v1/tickets", newTicket()));
		asAdmin(HttpMethod.POST, "/api/v1/tickets/" + id + "/assign", Map.of("groupId", group.getId()));
		return id;
	}

	private Map<String, Object> newTicket() {
		return Map.of("type", "INCIDENT", "title", "Black screen", "description", "Since this morning", "urgency",
				"MEDIUM");
	}

	/** An article of a technician of the group: published and public, or a draft. */
	private long article(boolean published) throws Exception {
		long id = id(call(Caller.TECHNICIAN, HttpMethod.POST, "/api/v1/articles", articleBody()));
		if (published) {
			call(Caller.TECHNICIAN, HttpMethod.POST, "/api/v1/articles/" + id + "/publish", null);
		}
		return id;
	}

	private Map<String, Object> articleBody() {
		return Map.of("title", "Black screen", "body", "Check the cable.", "kind", "SOLUTION", "audience", "PUBLIC",
				"language", "EN", "tags", List.of());
	}

	private Map<String, Object> webhookBody(boolean active) {
		return Map.of("name", "Hook " + UUID.randomUUID(), "url", "http://127.0.0.1:9/hook", "events",
				List.of("ticket.assigned"), "active", active, "groupIds", List.of(group.getId()), "categoryIds", List.of());
	}

	private Map<String, Object> mailboxBody() {
		return TestFixtures.disabledMailbox("Box " + UUID.randomUUID(), group.getId());
	}

	/** Inactive, and for a department no one else has: it routes no other test's ticket. */
	private Map<String, Object> routingRuleBody() {
		return Map.of("name", "Rule " + UUID.randomUUID(), "active", false, "stopHere", false, "conditions",
				Map.of("department", department + " nobody"), "actions", Map.of("groupId", group.getId()));
	}

	/** For a department no one has: it counts no other test's ticket. */
	private Map<String, Object> slaPolicyBody() {
		return Map.of("name", "Policy " + UUID.randomUUID(), "calendarId", calendarId, "position", 0, "fallback",
				false, "conditions", Map.of("department", department + " nobody"), "targets",
				List.of(Map.of("type", "INCIDENT", "priority", "LOW", "timeToOwn", "PT1H", "timeToResolve", "PT4H")));
	}

	private Map<String, Object> absenceBody() {
		Instant from = Instant.parse("2030-08-02T00:00:00Z").plus(absences++, ChronoUnit.DAYS);
		return Map.of("from", from.toString(), "to", from.plus(1, ChronoUnit.HOURS).toString(), "reason", "Away");
	}

	private int absences;

	/** Shared with the other group (its technician and supervisor). */
	private Map<String, Object> cannedReplyBody() {
		return Map.of("name", "Reply " + UUID.randomUUID(), "body", "Hello {{requester.firstName}}", "groupId",
				otherGroup.getId());
	}

	private Map<String, Object> macroBody() {
		return Map.of("name", "Macro " + UUID.randomUUID(), "noteBody", "Seen", "groupId", group.getId());
	}

	private Map<String, Object> pageBody() {
		return Map.of("title", "Page " + UUID.randomUUID(), "body", "Our desk");
	}

	private Map<String, Object> announcementBody(@Nullable Long majorIncident) {
		Map<String, Object> announcement = new LinkedHashMap<>();
		announcement.put("kind", majorIncident == null ? "INFORMATION" : "MAJOR_INCIDENT");
		announcement.put("titleEn", "Authorization matrix");
		announcement.put("startsAt", Instant.now().minusSeconds(60).toString());
		if (majorIncident != null) {
			announcement.put("ticketId", majorIncident);
		}
		return announcement;
	}

	private String bearer(User user, TokenScope scope) {
		return "Bearer " + tokens.create(user.id(), "authorization matrix", scope, null);
	}

	private MockHttpServletResponse asAdmin(HttpMethod method, String uri, @Nullable Object body) throws Exception {
		MockHttpServletResponse response = call(Caller.ADMINISTRATOR, method, uri, body);
		assertThat(response.getStatus()).as(method + " " + uri + ": " + response.getContentAsString()).isLessThan(300);
		return response;
	}

	private MockHttpServletResponse call(Caller caller, HttpMethod method, String uri, @Nullable Object body)
			throws Exception {
		MockHttpServletRequestBuilder request = request(method, uri);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content(body instanceof JsonNode node ? node.toString() : JSON.writeValueAsString(body));
		}
		return perform(request, caller);
	}

	private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, Caller caller) throws Exception {
		String credentials = authorization.get(caller);
		if (credentials != null) {
			request.header("Authorization", credentials);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** A mail of the outbox: the reset link mailed to a person created without a password. */
	/** An SMS the sender gave up on, as it leaves one (nothing of the API writes one). */
	private long failedSms() {
		String text = "Authorization " + UUID.randomUUID();
		jdbc.update("insert into sms_outbox (recipient_id, to_number, body, status, attempts, created_at, next_attempt_at,"
				+ " last_error) values (?, '+33611111111', ?, 'FAILED', 8, current_timestamp, current_timestamp, 'HTTP 500')",
				requester.getId(), text);
		return jdbc.queryForObject("select id from sms_outbox where body = ?", Long.class, text);
	}

	private long queuedMail() throws Exception {
		asAdmin(HttpMethod.POST, "/api/v1/users", Map.of("username", "mailed-" + UUID.randomUUID().toString().substring(0, 8),
				"fullName", "Mailed Person", "email", "mailed@example.org", "role", "REQUESTER"));
		for (String status : List.of("QUEUED", "SENDING", "SENT", "FAILED")) {
			JsonNode mails = JSON.readTree(asAdmin(HttpMethod.GET, "/api/v1/admin/mail/outbox?status=" + status, null)
				.getContentAsString());
			if (!mails.isEmpty()) {
				return id(mails.get(0));
			}
		}
		throw new IllegalStateException("no mail in the outbox after a person was created without a password");
	}

	private static long id(MockHttpServletResponse response) throws Exception {
		return id(JSON.readTree(response.getContentAsString()));
	}

	private static long id(JsonNode json) {
		return json.get("id").asLong();
	}

	private void write(Map<Operation, Map<Caller, Integer>> matrix, Map<Operation, Long> millis) throws IOException {
		StringBuilder table = new StringBuilder("# API authorization matrix\n\n"
				+ "Written by ApiAuthorizationMatrixIT: each operation of /v3/api-docs called by each caller; "
				+ "a cell is the status answered, marked ✗ where it is not what the rule says.\n\n| Operation | Rule |");
		for (Caller caller : Caller.values()) {
			table.append(' ').append(caller.label).append(" |");
		}
		table.append(" ms |\n|---|---|").append("---|".repeat(Caller.values().length + 1)).append('\n');
		for (Map.Entry<Operation, Map<Caller, Integer>> row : matrix.entrySet()) {
			Who who = RULES.get(row.getKey().key());
			table.append("| `").append(row.getKey().key()).append("` | ").append(who.description()).append(" |");
			for (Caller caller : Caller.values()) {
				int status = row.getValue().get(caller);
				table.append(' ').append(status);
				if (!who.of(caller, row.getKey().method()).accepts(status)) {
					table.append(" ✗");
				}
				table.append(" |");
			}
			table.append(' ').append(millis.get(row.getKey())).append(" |\n");
		}
		Path report = Path.of("target", "api-authorization-matrix.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table);
	}

	private static Map.Entry<String, Who> rule(String operation, Who who) {
		return Map.entry(operation, who);
	}

	@SafeVarargs
	private static Map<String, Who> rules(Map.Entry<String, Who>... rules) {
		Map<String, Who> table = new LinkedHashMap<>();
		Set<String> twice = new LinkedHashSet<>();
		for (Map.Entry<String, Who> rule : rules) {
			if (table.put(rule.getKey(), rule.getValue()) != null) {
				twice.add(rule.getKey());
			}
		}
		if (!twice.isEmpty()) {
			throw new IllegalStateException("Declared twice in ApiAuthorizationMatrixIT.RULES: " + twice);
		}
		return table;
	}

}
