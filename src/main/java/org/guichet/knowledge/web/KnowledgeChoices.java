package org.guichet.knowledge.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.knowledge.ArticleAction;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.tickets.Categories;
import org.guichet.tickets.CategoryTree;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the knowledge pages offer to choose: kinds, audiences, statuses, languages, categories by path. */
@Component
class KnowledgeChoices {

	private final Categories categories;

	KnowledgeChoices(Categories categories) {
		this.categories = categories;
	}

	void add(Model model) {
		CategoryTree tree = categories.tree();
		Map<Long, String> paths = new LinkedHashMap<>();
		for (CategoryTree.Placed placed : tree.depthFirst()) {
			paths.put(placed.id(), tree.path(placed.id()));
		}
		model.addAttribute("categoryPaths", paths);
		model.addAttribute("kinds", ArticleKind.values());
		model.addAttribute("audiences", ArticleAudience.values());
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("languages", ArticleLanguage.values());
		model.addAttribute("actions", ArticleAction.values());
	}

}
