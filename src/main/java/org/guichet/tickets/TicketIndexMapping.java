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
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;
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
 * Each text is indexed twice, in French and in English ({@link SearchAnalysis}). Public replies
 * and internal notes go to separate fields ({@link TicketIndexFields#REPLIES} and
 * {@link TicketIndexFields#NOTES}): a requester's query never names the notes' fields. The people,
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
		text(ticket.property("title"), TicketIndexFields.TITLE);
		text(ticket.property("description"), TicketIndexFields.DESCRIPTION);
		text(ticket.property("solution"), TicketIndexFields.SOLUTION);
		ticket.property("comments").binder(new CommentsBinder());
		for (String field : List.of("status", "type", "priority")) {
			ticket.property(field).keywordField(field).aggregable(Aggregable.YES).projectable(Projectable.YES);
		}
		shallow(ticket.property("requester")).keywordField(TicketIndexFields.REQUESTER).valueBridge(new UserId());
		shallow(ticket.property("assignee")).keywordField(TicketIndexFields.ASSIGNEE).valueBridge(new UserId());
		shallow(ticket.property("observers")).keywordField(TicketIndexFields.OBSERVERS).valueBridge(new UserId());
		shallow(ticket.property("group")).keywordField(TicketIndexFields.GROUP)
			.valueBridge(new GroupId())
			.aggregable(Aggregable.YES);
		shallow(ticket.property("category")).keywordField(TicketIndexFields.CATEGORY)
			.valueBridge(new CategoryId())
			.aggregable(Aggregable.YES);
	}

	/** A text in both languages' fields, highlightable, its French field also projectable. */
	private static void text(PropertyMappingStep property, String field) {
		property.fullTextField(TicketIndexFields.french(field))
			.analyzer(SearchAnalysis.FRENCH)
			.projectable(Projectable.YES)
			.highlightable(List.of(Highlightable.UNIFIED))
			.fullTextField(TicketIndexFields.english(field))
			.analyzer(SearchAnalysis.ENGLISH)
			.highlightable(List.of(Highlightable.UNIFIED));
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

	/** A category by id. */
	static final class CategoryId implements ValueBridge<Category, String> {

		@Override
		public @Nullable String toIndexedValue(@Nullable Category value, ValueBridgeToIndexedValueContext context) {
			return value == null ? null : TicketIndexFields.key(value.getId());
		}

	}

	/**
	 * The comments' bodies, public replies and internal notes in separate fields; a new comment,
	 * or a changed body or visibility, reindexes its ticket.
	 */
	static final class CommentsBinder implements PropertyBinder {

		@Override
		public void bind(PropertyBindingContext context) {
			context.dependencies().use("body").use("internal");
			IndexFieldTypeFactory types = context.typeFactory();
			var french = types.asString()
				.analyzer(SearchAnalysis.FRENCH)
				.projectable(Projectable.YES)
				.highlightable(List.of(Highlightable.UNIFIED))
				.toIndexFieldType();
			var english = types.asString()
				.analyzer(SearchAnalysis.ENGLISH)
				.projectable(Projectable.YES)
				.highlightable(List.of(Highlightable.UNIFIED))
				.toIndexFieldType();
			var schema = context.indexSchemaElement();
			context.bridge(List.class,
					new CommentsBridge(
							schema.field(TicketIndexFields.french(TicketIndexFields.REPLIES), french).multiValued().toReference(),
							schema.field(TicketIndexFields.english(TicketIndexFields.REPLIES), english).multiValued().toReference(),
							schema.field(TicketIndexFields.french(TicketIndexFields.NOTES), french).multiValued().toReference(),
							schema.field(TicketIndexFields.english(TicketIndexFields.NOTES), english).multiValued().toReference()));
		}

	}

	@SuppressWarnings("rawtypes")
	private record CommentsBridge(IndexFieldReference<String> repliesFr, IndexFieldReference<String> repliesEn,
			IndexFieldReference<String> notesFr, IndexFieldReference<String> notesEn) implements PropertyBridge<List> {

		@Override
		public void write(DocumentElement target, List bridgedElement, PropertyBridgeWriteContext context) {
			for (Object element : bridgedElement) {
				Comment comment = (Comment) element;
				target.addValue(comment.isInternal() ? notesFr : repliesFr, comment.getBody());
				target.addValue(comment.isInternal() ? notesEn : repliesEn, comment.getBody());
			}
		}

	}

}
