package org.guichet.tickets;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.guichet.system.Constraints;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' work on the category tree, the same for Administration › Categories and
 * the API: creating, renaming, moving, deactivating and reactivating categories. A category is
 * never deleted, since tickets refer to it; a deactivated one is no longer offered for new
 * tickets, nor are those under it. The shared {@link CategoryTree} decides the moves at any depth.
 */
@Service
@Transactional
public class CategoryAdministration {

	/**
	 * A category as the administrator sets it.
	 *
	 * @param name unique among its siblings (case ignored), trimmed
	 * @param parentId null for a root
	 */
	public record CategoryDetails(@NotBlank @Size(max = 120) @OneLine @Nullable String name, @Nullable Long parentId) {
	}

	private final CategoryRepository categories;

	private final Categories tree;

	private final Validator validator;

	CategoryAdministration(CategoryRepository categories, Categories tree, Validator validator) {
		this.categories = categories;
		this.tree = tree;
		this.validator = validator;
	}

	/**
	 * @throws NotFoundException ({@code category.not-found}) when there is no such category
	 */
	@Transactional(readOnly = true)
	public Category get(long id) {
		return categories.findById(id)
			.orElseThrow(() -> new NotFoundException("category.not-found", "No category " + id, id));
	}

	/**
	 * Creates an active category.
	 *
	 * @throws InvalidInputException naming every field at fault: {@code name} (required, at most
	 *         120 characters, {@code category.name-taken} by a sibling), {@code parentId}
	 *         ({@code category.parent-unknown})
	 */
	public Category create(CategoryDetails details) {
		Category parent = check(details, null);
		return categories.save(new Category(details.name().strip(), parent));
	}

	/**
	 * Renames and moves a category.
	 *
	 * @param version the version the change was made on
	 * @throws NotFoundException when there is no such category
	 * @throws VersionMismatchException when the category changed since {@code version}
	 * @throws InvalidInputException as {@link #create}, and on {@code parentId}
	 *         ({@code category.parent-cycle}) for the category itself or one under it
	 */
	public Category update(long id, long version, CategoryDetails details) {
		CategoryTree shape = tree.tree();
		Category category = get(id);
		VersionMismatchException.check(version, category.getVersion());
		Category parent = check(details, id, shape);
		category.setName(details.name().strip());
		category.setParent(parent);
		return categories.saveAndFlush(category);
	}

	/**
	 * Deactivates ({@code false}) or reactivates ({@code true}) a category; its tickets keep it.
	 *
	 * @throws NotFoundException when there is no such category
	 */
	public Category activate(long id, boolean active) {
		Category category = get(id);
		category.setActive(active);
		return categories.saveAndFlush(category);
	}

	private @Nullable Category check(CategoryDetails details, @Nullable Long id) {
		return check(details, id, tree.tree());
	}

	/** @return the parent, when the details can be saved */
	private @Nullable Category check(CategoryDetails details, @Nullable Long id, CategoryTree shape) {
		InputChecks checks = new InputChecks();
		Constraints.check(validator, details, checks);
		Long parentId = details.parentId();
		Category parent = checks.check(() -> {
			if (id != null) {
				shape.withParent(id, parentId);
			}
			if (parentId == null) {
				return null;
			}
			return categories.findById(parentId)
				.orElseThrow(() -> new InvalidInputException("parentId", "category.parent-unknown",
						"Parent category: no such category; choose one from the list", parentId));
		});
		if (details.name() != null && !details.name().isBlank()) {
			checks.check(() -> shape.refuseSiblingNamed(details.name(), parentId, id));
		}
		checks.refuseIfAny();
		return parent;
	}

}
