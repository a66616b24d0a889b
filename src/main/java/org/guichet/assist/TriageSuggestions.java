package org.guichet.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Categories;
import org.guichet.tickets.CategoryTree;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistant's triage suggestions for a ticket being written or just registered: for each field
 * with a model ({@link TriageTraining}), the likeliest value, when its confidence reaches the
 * administrator's threshold ({@link AssistSettings}); otherwise the assistant abstains on that
 * field. A value that can no longer be chosen (a category no longer offered, a deleted group) is
 * not suggested. Reads the models in memory: no training, no file.
 */
@Service
@Transactional(readOnly = true)
public class TriageSuggestions {

	private final TriageModels models;

	private final AssistSettings settings;

	private final Categories categories;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final MessageSource messages;

	TriageSuggestions(TriageModels models, AssistSettings settings, Categories categories,
			SupportGroupRepository groups, UserRepository users, MessageSource messages) {
		this.models = models;
		this.settings = settings;
		this.categories = categories;
		this.groups = groups;
		this.users = users;
		this.messages = messages;
	}

	/**
	 * Suggests the triage fields of a ticket.
	 *
	 * @param title the title, null or blank when not typed yet
	 * @param description the description, null or blank when not typed yet
	 * @param requesterId the requester, whose department counts; null when unknown
	 * @param locale the reader's language, for the labels
	 * @return one suggestion per field the assistant is sure enough of, in the order of
	 * {@link TriageField}; empty when there is no model, no text, or no confident answer
	 */
	public List<FieldSuggestion> suggest(@Nullable String title, @Nullable String description,
			@Nullable Long requesterId, Locale locale) {
		Map<TriageField, TriageModel> current = models.current();
		if (current.isEmpty()) {
			return List.of();
		}
		String department = requesterId == null ? null
				: users.findById(requesterId).map(User::getDepartment).orElse(null);
		String text = TriageText.of(title, description, department);
		double threshold = settings.threshold();
		CategoryTree tree = current.containsKey(TriageField.CATEGORY) ? categories.tree() : null;
		List<FieldSuggestion> suggestions = new ArrayList<>();
		for (TriageField field : TriageField.values()) {
			TriageModel model = current.get(field);
			if (model == null) {
				continue;
			}
			model.suggest(text, threshold)
				.flatMap(best -> label(field, best.label(), tree, locale)
					.map(label -> new FieldSuggestion(field, best.label(), label, best.confidence())))
				.ifPresent(suggestions::add);
		}
		return suggestions;
	}

	/** Whether any field has a model: without one, there is nothing to suggest. */
	public boolean ready() {
		return !models.current().isEmpty();
	}

	private Optional<String> label(TriageField field, String value, @Nullable CategoryTree tree, Locale locale) {
		return switch (field) {
			case CATEGORY -> {
				long id = Long.parseLong(value);
				yield tree != null && tree.isOffered(id) ? Optional.of(tree.path(id)) : Optional.empty();
			}
			case GROUP -> groups.findById(Long.parseLong(value)).map(SupportGroup::getName);
			case TYPE -> Optional.of(messages.getMessage("type." + value, null, value, locale));
			case URGENCY -> Optional.of(messages.getMessage("level." + value, null, value, locale));
		};
	}

}
