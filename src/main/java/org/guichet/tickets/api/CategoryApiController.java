package org.guichet.tickets.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ForbiddenException;
import org.guichet.system.IfMatch;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryAdministration;
import org.guichet.tickets.CategoryAdministration.CategoryDetails;
import org.guichet.tickets.CategoryTree;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The category tree: the active categories for choosing one when filing a ticket (anyone signed
 * in); for administrators, every category ({@code ?all=true}), and creating, renaming, moving,
 * deactivating and reactivating one through {@link CategoryAdministration}, as Administration ›
 * Categories does. A category is never deleted.
 */
@RestController
@RequestMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
class CategoryApiController {

	private final Categories categories;

	private final CategoryAdministration administration;

	private final ApiTransactions transactions;

	CategoryApiController(Categories categories, CategoryAdministration administration,
			ApiTransactions transactions) {
		this.categories = categories;
		this.administration = administration;
		this.transactions = transactions;
	}

	/**
	 * A category as sent.
	 *
	 * @param parentId null or absent for a root
	 * @param version the version a replacement was made on; absent when If-Match names it (If-Match wins)
	 */
	record CategoryBody(String name, @Nullable Long parentId, @Nullable Long version) {

		CategoryDetails details() {
			return new CategoryDetails(name, parentId);
		}

	}

	/** @param path the names from the root, e.g. "Printer › Paper jam" */
	record CategoryJson(long id, String name, @Nullable Long parentId, String path, boolean active, long version) {

		static CategoryJson of(Category category) {
			return new CategoryJson(category.getId(), category.getName(),
					category.getParent() == null ? null : category.getParent().getId(), category.getPath(),
					category.isActive(), category.getVersion());
		}

	}

	/** @param active false only in the list of {@code ?all=true}: deactivated */
	record CategoryNode(long id, String name, String path, boolean active, List<CategoryNode> children) {
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The tree of active categories; with all=true (administrators) every category")
	List<CategoryNode> tree(@RequestParam(defaultValue = "false") boolean all,
			@AuthenticationPrincipal CurrentUser me) {
		if (all && !me.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("category.all.administrators-only",
					"Only administrators see the deactivated categories");
		}
		return transactions.read(() -> tree(categories.tree(), all));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "One category, active or not, its version as ETag")
	ResponseEntity<CategoryJson> one(@PathVariable long id) {
		return answer(transactions.read(() -> CategoryJson.of(administration.get(id))));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Creates an active category, under parentId or as a root")
	ResponseEntity<CategoryJson> create(@RequestBody CategoryBody body) {
		CategoryJson created = transactions.write(() -> administration.create(body.details()), CategoryJson::of);
		return ResponseEntity.created(URI.create("/api/v1/categories/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Renames and moves a category (If-Match or version required)")
	ResponseEntity<CategoryJson> replace(@PathVariable long id, @RequestBody CategoryBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, body.version());
		return answer(
				transactions.write(() -> administration.update(id, version, body.details()), CategoryJson::of));
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Deactivates a category: no longer offered for new tickets, nor those under it")
	ResponseEntity<CategoryJson> deactivate(@PathVariable long id) {
		return answer(transactions.write(() -> administration.activate(id, false), CategoryJson::of));
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Reactivates a category")
	ResponseEntity<CategoryJson> reactivate(@PathVariable long id) {
		return answer(transactions.write(() -> administration.activate(id, true), CategoryJson::of));
	}

	private static ResponseEntity<CategoryJson> answer(CategoryJson json) {
		return ResponseEntity.ok().eTag(IfMatch.etag(json.version())).body(json);
	}

	/** Without {@code all}, leaves out inactive categories and everything under them, at any depth. */
	private static List<CategoryNode> tree(CategoryTree tree, boolean all) {
		Map<Long, CategoryNode> nodes = new HashMap<>();
		List<CategoryNode> roots = new ArrayList<>();
		for (CategoryTree.Placed placed : tree.depthFirst()) {
			if (!all && !tree.isOffered(placed.id())) {
				continue;
			}
			CategoryTree.Node category = tree.find(placed.id()).orElseThrow();
			CategoryNode node = new CategoryNode(category.id(), category.name(), tree.path(category.id()),
					category.active(), new ArrayList<>());
			nodes.put(category.id(), node);
			(placed.depth() == 0 ? roots : nodes.get(category.parentId()).children()).add(node);
		}
		return roots;
	}

}
