package org.guichet.knowledge.web;

import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.Articles;
import org.guichet.system.DomainException;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A requester's article page ({@code /portal/knowledge/{id}}): only published public articles,
 * whoever reads; any other article is "not found" here, for the IT team too (they read it on
 * their own page), so that the page never shows requesters what they may not read.
 */
@Controller
@RequestMapping("/portal/knowledge")
class PortalKnowledgeController {

	private final Articles articles;

	PortalKnowledgeController(Articles articles) {
		this.articles = articles;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		Article article = publicArticle(id, me);
		model.addAttribute("article", article);
		model.addAttribute("myFeedback", articles.myFeedback(id, me).orElse(null));
		model.addAttribute("translation", article.getTranslationId() == null ? null
				: articles.find(article.getTranslationId(), me).filter(Article::isPublicNow).orElse(null));
		return "knowledge/portal-article";
	}

	@PostMapping("/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam(required = false) @Nullable Boolean helpful,
			@RequestParam(required = false) @Nullable String comment, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		publicArticle(id, me);
		try {
			if (helpful == null) {
				throw new org.guichet.system.InvalidInputException("helpful", "knowledge.feedback.choose",
						"Choose yes or no");
			}
			articles.giveFeedback(id, helpful, comment, me);
			redirect.addFlashAttribute("flash", "knowledge.flash.feedback");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArgs", ex.arguments());
			redirect.addFlashAttribute("typedComment", comment);
		}
		return "redirect:/portal/knowledge/" + id + "#feedback";
	}

	private Article publicArticle(long id, CurrentUser me) {
		Article article = articles.read(id, me);
		if (!article.isPublicNow()) {
			throw new NotFoundException("knowledge.not-found", "No article " + id, id);
		}
		return article;
	}

}
