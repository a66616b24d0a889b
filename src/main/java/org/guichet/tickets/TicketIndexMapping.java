package org.guichet.tickets;

import java.util.List;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.search.SearchAnalysis;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingStep;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.jspecify.annotations.Nullable;

/**
 * How a ticket is indexed (docs/SEARCH.md, docs/adr/013): written here rather than as annotations
 * on {@link Ticket}, so that the entity stays about the ticket's lifecycle. Registered through
 * {@code hibernate.search.mapping.configurer}; articles and other documents use annotations on
 * their own entities, and both mappings make one.
 * <p>
 * Each text is indexed once, in both languages' analysis ({@link SearchAnalysis#FRENCH_AND_ENGLISH}):
 * the title, the other public texts together ({@link TicketIndexFields#TEXT}) and the internal
 * notes apart ({@link TicketIndexFields#NOTES}): a requester's query never names the notes' field. The people,
 * group and category are indexed by id only, for the visibility rule and the filters; a change of
 * the person or group itself (a renamed user) does not touch the ticket's document. Those ids are
 * keywords (terms), not numbers: a term is read by skipping along the words' matches, where a
 * numeric point query collects every ticket of the group first (a million-ticket index spent most
 * of a query there).
 */
public class TicketIndexMapping implements HibernateOrmSearchMappingConfigurer {

	@Override
	public void configure(HibernateOrmMappingConfigurationContext context) {
		TypeMappingStep ticket = context.programmaticMapping().type(Ticket.class);
		ticket.indexed().index(TicketIndexFields.INDEX);
		ticket.property("id")
			.genericField(TicketIndexFields.NUMBER)
			.sortable(Sortable.YES)
			.projectable(Projectable.YES);
		ticket.property("title")
			.fullTextField(TicketIndexFields.TITLE)
			.analyzer(SearchAnalysis.FRENCH_AND_ENGLISH)
			.searchAnalyzer(SearchAnalysis.FRENCH_AND_ENGLISH_QUERY)
			.projectable(Projectable.YES);
		ticket.binder(new TextsBinder());
		for (String field : List.of("status", "type", "priority")) {
			ticket.property(field).keywordField(field).aggregable(Aggregable.YES).projectable(Projectable.YES);
		}
		shallow(ticket.property("requester")).keywordField(TicketIndexFields.REQUESTER).valueBridge(new UserId());
		shallow(ticket.property("assignee")).keywordField(TicketIndexFields.ASSIGNEE).valueBridge(new UserId());
		shallow(ticket.property("observers")).keywordField(TicketIndexFields.OBSERVERS).valueBridge(new UserId());
		shallow(ticket.property("group")).keywordField(TicketIndexFields.GROUP)
			.valueBridge(new GroupId())
			.aggregable(Aggregable.YES)
			.keywordField(TicketIndexFields.UNROUTED)
			.valueBridge(new Unrouted());
		shallow(ticket.property("category")).keywordField(TicketIndexFields.CATEGORY)
			.valueBridge(new CategoryId())
			.aggregable(Aggregable.YES);
	}

	/** Only a change of the association itself reindexes the ticket, not a change inside its target. */
	private static PropertyMappingStep shallow(PropertyMappingStep property) {
		return property.indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
	}

	/** A user by id: requester, assignee, observer. */
	static final class UserId implements ValueBridge<User, String> {

		@Override
		public @Nullable String toIndexedValue(@Nullable User value, ValueBridgeToIndexedValueContext context) {
			return value == null ? null : TicketIndexFields.key(value.getId());
		}

	}

	/** A support group by id. */
	static final class GroupId implements ValueBridge<SupportGroup, String> {

		@Override
		public @Nullable String toIndexedValue(@Nullable SupportGroup value, ValueBridgeToIndexedValueContext context) {
			return value == null ? null : TicketIndexFields.key(value.getId());
		}

	}

	/** {@link TicketIndexFields#UNROUTED_VALUE} for no support group, nothing for one. */
	static final class Unrouted implements ValueBridge<SupportGroup, String> {

		@Override
		public @Nullable String toIndexedValue(@Nullable SupportGroup value, ValueBridgeToIndexedValueContext context) {
			return value == null ? TicketIndexFields.UNROUTED_VALUE : null;
		}

	}

	/** A category by id. */
	static final class CategoryId implements ValueBridge<Category, String> {

		@Override
		public @Nullable String toIndexedValue(@Nullable Category value, ValueBridgeToIndexedValueContext context) {
			return value == null ? null : TicketIndexFields.key(value.getId());
		}

	}

	/**
	 * The ticket's texts other than its title, in one multi-valued field: description, solution and
	 * public replies in {@link TicketIndexFields#TEXT}, internal notes in {@link TicketIndexFields#NOTES}.
	 * A query thus reads one field per kind of text rather than one per text (the scoring of a
	 * million-ticket index was mostly that), and an excerpt highlights one field. A changed description or solution, a new comment, or a comment's changed body or
	 * visibility reindexes the ticket.
	 */
	static final class TextsBinder implements TypeBinder {

		@Override
		public void bind(TypeBindingContext context) {
			context.dependencies().use("description").use("solution").use("comments.body").use("comments.internal");
			IndexFieldTypeFactory types = context.typeFactory();
			var words = types.asString()
				.analyzer(SearchAnalysis.FRENCH_AND_ENGLISH)
				.searchAnalyzer(SearchAnalysis.FRENCH_AND_ENGLISH_QUERY)
				.highlightable(List.of(Highlightable.UNIFIED))
				.toIndexFieldType();
			var schema = context.indexSchemaElement();
			context.bridge(Ticket.class,
					new TextsBridge(schema.field(TicketIndexFields.TEXT, words).multiValued().toReference(),
							schema.field(TicketIndexFields.NOTES, words).multiValued().toReference()));
		}

	}

	private record TextsBridge(IndexFieldReference<String> text, IndexFieldReference<String> notes)
			implements TypeBridge<Ticket> {

		@Override
		public void write(DocumentElement target, Ticket ticket, TypeBridgeWriteContext context) {
			target.addValue(text, ticket.getDescription());
			String solution = ticket.getSolution();
			if (solution != null) {
				target.addValue(text, solution);
			}
			for (Comment comment : ticket.getComments()) {
				target.addValue(comment.isInternal() ? notes : text, comment.getBody());
			}
		}

	}

}
