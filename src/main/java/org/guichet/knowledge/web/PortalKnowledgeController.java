package org.guichet.knowledge.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticlePolicy;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.Deflections;
import org.guichet.knowledge.PortalShelf;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.search.SearchWords;
import org.guichet.system.DomainException;
import org.guichet.system.NotFoundException;
import org.guichet.system.Pager;
import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The requesters' knowledge pages: the knowledge page ({@code /portal/knowledge}), the articles
 * suggested on the new-ticket form, and the article page ({@code /portal/knowledge/{id}}): only published public articles,
 * whoever reads; any other article is "not found" here, for the IT team too (they read it on
 * their own page), so that the page never shows requesters what they may not read.
 */
@Controller
@RequestMapping("/portal/knowledge")
class PortalKnowledgeController {

	private static final int MOST_USEFUL = 10;

	private static final int PAGE_SIZE = 20;

	private final Articles articles;

	private final PortalShelf shelf;

	private final RelevantArticles relevant;

	private final Deflections deflections;

	private final Categories categories;

	PortalKnowledgeController(Articles articles, PortalShelf shelf, RelevantArticles relevant, Deflections deflections,
			Categories categories) {
		this.articles = articles;
		this.shelf = shelf;
		this.relevant = relevant;
		this.deflections = deflections;
		this.categories = categories;
	}

	/**
	 * The requesters' knowledge page: with words, the published public articles found (of the
	 * category when one is chosen); without, or with words that hold no word ({@link SearchWords},
	 * said under the field), the categories holding some and the most useful articles (of the
	 * category chosen).
	 */
	@GetMapping
	String index(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long category, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser me, Locale locale, HttpServletRequest request, Model model) {
		Long known = category != null && categories.tree().find(category).isPresent() ? category : null;
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("category", known);
		model.addAttribute("categoryPath", known == null ? null : categories.tree().path(known));
		boolean typed = q != null && !q.isBlank();
		model.addAttribute("noWord", typed && !SearchWords.hasWord(q));
		if (typed && SearchWords.hasWord(q)) {
			SearchResults results = shelf.search(q.strip(), known, me, locale, SearchRequest.reachable(page, PAGE_SIZE), PAGE_SIZE);
			model.addAttribute("results", results);
			model.addAttribute("pager", Pager.counted(page,
					Math.min(results.total(), SearchRequest.MAX_RESULTS), PAGE_SIZE, Pager.sameQuery(request)));
		}
		else {
			model.addAttribute("shelves", shelf.shelves(locale));
			model.addAttribute("mostUseful", shelf.mostUseful(known, locale, MOST_USEFUL));
		}
		return "knowledge/portal-index";
	}

	/**
	 * The articles suggested beside the new-ticket form as its title and description are typed
	 * (htmx): published public articles only, whoever asks. Showing any starts or continues the
	 * requester's suggestion session ({@link Deflections}), whose token comes back with the next
	 * request and rides in each article's link.
	 */
	@GetMapping("/suggestions")
	String suggestions(@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String categoryId,
			@RequestParam(required = false) @Nullable String session, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		Long category = null;
		if (categoryId != null && categoryId.strip().matches("\\d{1,18}")) {
			category = Long.parseLong(categoryId.strip());
		}
		List<Article> suggested = relevant.forDraft(title, description, category, me, LocaleContextHolder.getLocale())
			.stream()
			.filter(Article::isPublicNow)
			.toList();
		model.addAttribute("suggested", suggested);
		model.addAttribute("suggestionSession", suggested.isEmpty() ? session : deflections.shown(session, me));
		return "knowledge/fragments/suggestions :: suggestions";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable String suggestion,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		Article article = publicArticle(id, me);
		if (suggestion != null && !suggestion.isBlank()) {
			deflections.opened(suggestion, id, me);
			model.addAttribute("fromSuggestion", true);
		}
		model.addAttribute("article", article);
		model.addAttribute("myFeedback", articles.myFeedback(id, me).orElse(null));
		model.addAttribute("mayGiveFeedback", ArticlePolicy.canGiveFeedback(article, me));
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
