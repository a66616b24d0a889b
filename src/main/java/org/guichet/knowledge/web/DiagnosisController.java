package org.guichet.knowledge.web;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.DiagnosisProcedures;
import org.guichet.system.DomainException;
import org.guichet.tickets.Categories;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * On a procedure's page, the part that makes it its category's diagnosis procedure (loaded with
 * htmx): which categories it is the procedure of, and, for a supervisor or an administrator, the
 * button that attaches or detaches it.
 */
@Controller
class DiagnosisController {

	private final Articles articles;

	private final DiagnosisProcedures diagnosis;

	private final Categories categories;

	DiagnosisController(Articles articles, DiagnosisProcedures diagnosis, Categories categories) {
		this.articles = articles;
		this.diagnosis = diagnosis;
		this.categories = categories;
	}

	@GetMapping("/agent/knowledge/{id}/diagnosis")
	String part(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		Article article = articles.get(id, me);
		var tree = categories.tree();
		model.addAttribute("article", article);
		model.addAttribute("categories", diagnosis.categoriesOf(id).stream().map(tree::path).toList());
		model.addAttribute("mayAttach", me.has(Role.SUPERVISOR) && article.getKind() == ArticleKind.PROCEDURE
				&& article.getStatus() == ArticleStatus.PUBLISHED && article.getCategoryId() != null);
		model.addAttribute("mayDetach", me.has(Role.SUPERVISOR));
		model.addAttribute("categoryPath", article.getCategoryId() == null ? null : tree.path(article.getCategoryId()));
		return "knowledge/fragments/diagnosis :: part";
	}

	/** Attaches the article to its category as its diagnosis procedure ({@code attach=true}), or detaches it. */
	@PostMapping("/agent/knowledge/{id}/diagnosis")
	String attach(@PathVariable long id, @RequestParam(defaultValue = "true") boolean attach,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		try {
			if (attach) {
				diagnosis.attach(id, me);
				redirect.addFlashAttribute("flash", "knowledge.flash.diagnosis-attached");
			}
			else {
				diagnosis.detach(id, me);
				redirect.addFlashAttribute("flash", "knowledge.flash.diagnosis-detached");
			}
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArgs", ex.arguments());
		}
		return "redirect:/agent/knowledge/" + id;
	}

}
