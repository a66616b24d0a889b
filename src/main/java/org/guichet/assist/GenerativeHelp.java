package org.guichet.assist;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.assist.GenerativePrompts.Prompt;
import org.guichet.assist.GenerativePrompts.Source;
import org.guichet.assist.GenerativePrompts.TicketFacts;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.sla.SlaManagement;
import org.guichet.sla.SlaView;
import org.guichet.system.ForbiddenException;
import org.guichet.tickets.Comment;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generative help on a ticket (docs/ASSIST.md#generative-help): a summary, a reply draft
 * citing its sources, the SLA in plain words, and an article draft (see {@link GenerativeArticles}),
 * written by the language model the administrator configured ({@link GenerativeSettings}). Nothing
 * is sent while it is off, for a feature that is off, past the daily budget, or for someone not
 * allowed. The ticket is read in a short transaction, then the model is waited for outside any
 * transaction, then the use is written to the ticket's history (who, which feature, which model,
 * the exchange's number: the text itself is not, see ASSIST.md) in another.
 */
@Service
public class GenerativeHelp {

	/** The history field of a use, labelled {@code agent.history.field.assistGenerated}. */
	public static final String HISTORY_FIELD = "assistGenerated";

	/** How many articles and how many past tickets a reply draft may draw on. */
	static final int SOURCES_EACH = 3;

	private static final Pattern CITATION = Pattern.compile("\\[([AT]\\d+)\\]");

	private static final Logger log = LoggerFactory.getLogger(GenerativeHelp.class);

	/**
	 * What the model wrote, personal data put back.
	 *
	 * @param text the answer, to be read and edited by a person
	 * @param citations the sources the answer cites (reply drafts), in the order of their tags
	 * @param exchangeId the exchange kept for the administrators (its prompt exactly as sent)
	 */
	public record Generated(GenerativeFeature feature, String text, String model, long exchangeId,
			List<Citation> citations) {
	}

	/**
	 * A source a reply draft cites.
	 *
	 * @param tag as cited, {@code A1} (an article) or {@code T1} (a past ticket)
	 * @param path the agent's page of the source
	 * @param publicUrl the link a requester may follow (a published public article), else null
	 */
	public record Citation(String tag, String title, String path, @Nullable String publicUrl) {
	}

	private final GenerativeSettings settings;

	private final GenerativeUsage usage;

	private final LanguageModelClient client;

	private final TicketManagement tickets;

	private final RelevantArticles articles;

	private final SimilarTickets similar;

	private final SlaManagement sla;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final MessageSource messages;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate writing;

	private final ZoneId zone;

	private final String baseUrl;

	GenerativeHelp(GenerativeSettings settings, GenerativeUsage usage, LanguageModelClient client,
			TicketManagement tickets, RelevantArticles articles, SimilarTickets similar, SlaManagement sla,
			UserRepository users, SupportGroupRepository groups, MessageSource messages,
			PlatformTransactionManager transactions, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone,
			@Value("${guichet.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.settings = settings;
		this.usage = usage;
		this.client = client;
		this.tickets = tickets;
		this.articles = articles;
		this.similar = similar;
		this.sla = sla;
		this.users = users;
		this.groups = groups;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.zone = zone;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Whether the person may use the generative help at all: it is on and they are an administrator
	 * or a member of a group the administrator allowed.
	 */
	public boolean allows(CurrentUser user) {
		GenerativeSettings.Settings now = settings.current();
		return now.enabled() && allowed(now, user);
	}

	/**
	 * The features offered on this ticket to this person, in the order of {@link GenerativeFeature}:
	 * those on, to an agent allowed who may work on the ticket; the SLA only on a ticket that has
	 * clocks; the article only on a resolved or closed ticket. Empty when the help is off.
	 *
	 * @throws org.guichet.system.NotFoundException when the person may not see the ticket
	 */
	public Set<GenerativeFeature> offered(TicketId id, CurrentUser user) {
		GenerativeSettings.Settings now = settings.current();
		if (!now.enabled() || !allowed(now, user)) {
			return Set.of();
		}
		return readOnly.execute(status -> {
			Ticket ticket = tickets.get(id, user);
			Set<GenerativeFeature> offered = EnumSet.noneOf(GenerativeFeature.class);
			if (!tickets.mayWorkOn(ticket, user)) {
				return offered;
			}
			boolean hasSla = sla.of(id).isPresent();
			for (GenerativeFeature feature : GenerativeFeature.values()) {
				if (now.offers(feature) && applies(feature, ticket.getStatus(), hasSla)) {
					offered.add(feature);
				}
			}
			return offered;
		});
	}

	/**
	 * Asks the model for one feature on one ticket.
	 *
	 * @param locale the language to write in
	 * @throws ForbiddenException ({@code assist.generative.forbidden}) for someone the administrator did
	 * not allow, or who may not work on the ticket
	 * @throws org.guichet.system.NotFoundException when they may not see the ticket
	 * @throws GenerativeFailure why nothing was written: off, budget spent (nothing sent), or the
	 * server's failure (timeout, unreachable, refused, malformed); a failure after sending is in the
	 * ticket's history too
	 */
	public Generated generate(TicketId id, GenerativeFeature feature, CurrentUser by, Locale locale) {
		GenerativeSettings.Settings now = settings.current();
		if (now.enabled() && !allowed(now, by)) {
			throw new ForbiddenException("assist.generative.forbidden",
					"The administrator did not allow your groups to use the generative help");
		}
		if (!now.offers(feature)) {
			throw new GenerativeFailure(GenerativeFailure.Reason.OFF, "The " + feature.key() + " is off");
		}
		Material material = readOnly.execute(status -> material(id, feature, by, locale, now));
		if (!applies(feature, material.ticketStatus(), material.hasSla())) {
			throw new GenerativeFailure(GenerativeFailure.Reason.OFF,
					"The " + feature.key() + " does not apply to this ticket now");
		}
		String apiKey = settings.apiKey();
		if (!usage.claim(now.dailyRequests(), now.dailyTokens())) {
			throw new GenerativeFailure(GenerativeFailure.Reason.BUDGET, "Today's budget is spent");
		}
		String sent = material.prompt().asSent();
		LanguageModelClient.Answer answer;
		try {
			answer = client.ask(material.prompt(), now.baseUrl(), now.model(), apiKey,
					Duration.ofSeconds(now.timeoutSeconds()));
		}
		catch (GenerativeFailure failure) {
			log.info("The language model gave no {} for ticket {}: {}", feature.key(), id, failure.getMessage());
			long exchange = usage.record(id.value(), feature, now.model(), by.id(), sent, null, failure.reason().name(),
					null);
			recordUse(id, feature, now.model(), exchange, failure.reason(), by, locale);
			throw failure;
		}
		if (answer.tokens() != null) {
			usage.spent(answer.tokens());
		}
		long exchange = usage.record(id.value(), feature, now.model(), by.id(), sent, answer.text(), "ANSWERED",
				answer.tokens());
		recordUse(id, feature, now.model(), exchange, null, by, locale);
		String text = material.mask().unmask(answer.text());
		List<Citation> cited = new ArrayList<>();
		if (feature == GenerativeFeature.REPLY) {
			Matcher m = CITATION.matcher(text);
			Set<String> tags = new java.util.LinkedHashSet<>();
			while (m.find()) {
				tags.add(m.group(1));
			}
			tags.stream().map(material.citations()::get).filter(java.util.Objects::nonNull).forEach(cited::add);
		}
		return new Generated(feature, text, now.model(), exchange, List.copyOf(cited));
	}

	/**
	 * The reply draft as it goes into the reply box: the text, then the links a requester may follow
	 * to the public articles it cites.
	 */
	public static String replyText(Generated reply) {
		StringBuilder text = new StringBuilder(reply.text());
		List<Citation> links = reply.citations().stream().filter(c -> c.publicUrl() != null).toList();
		if (!links.isEmpty()) {
			text.append("\n");
			for (Citation c : links) {
				text.append("\n[").append(c.tag()).append("] [")
					.append(c.title().replace("[", "\\[").replace("]", "\\]"))
					.append("](")
					.append(c.publicUrl())
					.append(")");
			}
		}
		return text.toString();
	}

	private record Material(Prompt prompt, PersonalDataMask mask, Status ticketStatus, boolean hasSla,
			Map<String, Citation> citations) {
	}

	private Material material(TicketId id, GenerativeFeature feature, CurrentUser by, Locale locale,
			GenerativeSettings.Settings now) {
		TicketView view = tickets.view(id, by);
		Ticket ticket = view.ticket();
		if (!tickets.mayWorkOn(ticket, by)) {
			throw new ForbiddenException("assist.generative.forbidden",
					"The administrator did not allow your groups to use the generative help");
		}
		PersonalDataMask mask = new PersonalDataMask(now.maskPersonalData() ? people(view) : List.of());
		TicketFacts facts = facts(view, now.maskPersonalData() ? mask : null);
		java.util.Optional<SlaView> clocks = sla.of(id);
		Map<String, Citation> citations = new LinkedHashMap<>();
		Prompt prompt = switch (feature) {
			case SUMMARY -> GenerativePrompts.summary(facts, locale);
			case REPLY -> GenerativePrompts.reply(facts, sources(id, by, locale, now.maskPersonalData() ? mask : null,
					citations), locale);
			case SLA -> GenerativePrompts.sla(facts, clocks.map(this::slaFacts).orElse("No SLA applies."), locale);
			case ARTICLE -> GenerativePrompts.article(facts, GenerativeArticles.headings(locale), locale);
		};
		return new Material(prompt, mask, ticket.getStatus(), clocks.isPresent(), citations);
	}

	private List<Source> sources(TicketId id, CurrentUser by, Locale locale, @Nullable PersonalDataMask mask,
			Map<String, Citation> citations) {
		List<Source> sources = new ArrayList<>();
		int n = 0;
		for (Article a : articles.forTicket(id, by, locale).stream().limit(SOURCES_EACH).toList()) {
			String tag = "A" + (++n);
			sources.add(new Source(tag, masked(mask, a.getTitle()), masked(mask, a.getBody())));
			citations.put(tag, new Citation(tag, a.getTitle(), "/agent/knowledge/" + a.getId(),
					a.isPublicNow() ? baseUrl + "/portal/knowledge/" + a.getId() : null));
		}
		n = 0;
		for (Ticket t : similar.forTicket(id, by, locale).tickets().stream().limit(SOURCES_EACH).toList()) {
			String tag = "T" + (++n);
			String text = t.getSolution() != null ? "Solution: " + t.getSolution() : t.getDescription();
			sources.add(new Source(tag, masked(mask, t.getTitle()), masked(mask, text)));
			citations.put(tag, new Citation(tag, "#" + t.getNumber() + " " + t.getTitle(), "/agent/tickets/" + t.getId(),
					null));
		}
		return sources;
	}

	private TicketFacts facts(TicketView view, @Nullable PersonalDataMask mask) {
		Ticket t = view.ticket();
		List<GenerativePrompts.Message> conversation = new ArrayList<>();
		for (Comment c : view.comments()) {
			boolean fromRequester = c.getAuthor().getRole() == Role.REQUESTER
					|| c.getAuthor().getId().equals(t.getRequester().getId());
			conversation.add(new GenerativePrompts.Message(masked(mask, c.getAuthor().getFullName()), fromRequester,
					c.isInternal(), c.getCreatedAt(), masked(mask, c.getBody())));
		}
		return new TicketFacts(t.getNumber(), masked(mask, t.getTitle()), masked(mask, t.getDescription()),
				t.getStatus().name(), t.getCategory() == null ? null : t.getCategory().getPath(),
				masked(mask, t.getRequester().getFullName()),
				t.getSolution() == null ? null : masked(mask, t.getSolution()), conversation);
	}

	/** The ticket's people and the IT team: the directory entries whose data is masked. */
	private List<PersonalDataMask.Person> people(TicketView view) {
		Map<Long, User> people = new LinkedHashMap<>();
		Ticket t = view.ticket();
		people.put(t.getRequester().getId(), t.getRequester());
		if (t.getRequester().getManager() != null) {
			people.put(t.getRequester().getManager().getId(), t.getRequester().getManager());
		}
		if (t.getAssignee() != null) {
			people.put(t.getAssignee().getId(), t.getAssignee());
		}
		t.getObservers().forEach(o -> people.put(o.getId(), o));
		view.comments().forEach(c -> people.put(c.getAuthor().getId(), c.getAuthor()));
		users.findByRoleInAndActiveTrue(List.of(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMINISTRATOR), Sort.unsorted())
			.forEach(u -> people.putIfAbsent(u.getId(), u));
		return people.values()
			.stream()
			.map(u -> new PersonalDataMask.Person(u.getFullName(), u.getUsername(), u.getEmail(), u.getPhone()))
			.toList();
	}

	private String slaFacts(SlaView v) {
		DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (EEEE)", Locale.ENGLISH).withZone(zone);
		StringBuilder out = new StringBuilder();
		out.append("Policy: ").append(v.policy() == null ? "none named" : v.policy()).append("\n");
		out.append("Overall state: ").append(v.state()).append("\n");
		out.append("TTO (take in charge) deadline: ").append(at.format(v.ttoDeadline())).append(", state ")
			.append(v.ttoState());
		if (v.ttoLeft() != null) {
			out.append(", business time left ").append(duration(v.ttoLeft()));
		}
		out.append("\nTTR (resolution) deadline: ").append(at.format(v.ttrDeadline())).append(", state ")
			.append(v.ttrState());
		if (v.ttrLeft() != null) {
			out.append(", business time left ").append(duration(v.ttrLeft()));
		}
		out.append("\nResolution clock paused now: ").append(v.paused() ? "yes" : "no")
			.append("; paused so far: ").append(duration(v.pausedSoFar()))
			.append("\nTimes are in the desk's zone ").append(zone).append("; time left counts business hours only.\n");
		return out.toString();
	}

	private static String duration(Duration d) {
		Duration abs = d.abs();
		return (d.isNegative() ? "overdue by " : "") + abs.toHours() + " h " + abs.toMinutesPart() + " min";
	}

	private void recordUse(TicketId id, GenerativeFeature feature, String model, long exchange,
			GenerativeFailure.@Nullable Reason failed, CurrentUser by, Locale locale) {
		String featureName = messages.getMessage("assist.generative.feature." + feature.key(), null, locale);
		String what = failed == null
				? messages.getMessage("assist.generative.history", new Object[] { featureName, model, String.valueOf(exchange) }, locale)
				: messages.getMessage("assist.generative.history.failed",
						new Object[] { featureName, model, String.valueOf(exchange),
								messages.getMessage("assist.generative.failure." + failed.name().toLowerCase(Locale.ROOT),
										null, locale) },
						locale);
		writing.executeWithoutResult(status -> tickets.recordWork(id, HISTORY_FIELD, null, what, by));
	}

	private boolean allowed(GenerativeSettings.Settings now, CurrentUser user) {
		if (user.has(Role.ADMINISTRATOR)) {
			return true;
		}
		return user.isAgent() && groups.findGroupIdsOfMember(user.id()).stream().anyMatch(now.groupIds()::contains);
	}

	private static boolean applies(GenerativeFeature feature, Status status, boolean hasSla) {
		return switch (feature) {
			case SUMMARY, REPLY -> status != Status.CANCELLED;
			case SLA -> hasSla;
			case ARTICLE -> status == Status.RESOLVED || status == Status.CLOSED;
		};
	}

	private static String masked(@Nullable PersonalDataMask mask, @Nullable String text) {
		return mask == null ? (text == null ? "" : text) : mask.mask(text);
	}

}
