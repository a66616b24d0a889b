package org.guichet.knowledge.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAction;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleFiles;
import org.guichet.knowledge.ArticleFilter;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticlePage;
import org.guichet.knowledge.ArticlePolicy;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.ArticleVersion;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.GeneratedArticles;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.search.SearchSource;
import org.guichet.system.DomainException;
import org.guichet.system.FormRefusals;
import org.guichet.system.NotFoundException;
import org.guichet.system.Pager;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The IT team's knowledge pages ({@code /agent/knowledge}): the list with its filters and search,
 * the articles needing the reader's attention, an article with its tickets, translation, files
 * and feedback, its form with preview (also prefilled from a resolved ticket), its versions and
 * their diff, its status changes. A refused form comes back with everything typed and each
 * error next to its field.
 */
@Controller
@RequestMapping("/agent/knowledge")
class KnowledgeController {

	private static final int PAGE = 25;

	private static final String STALE = "knowledge.stale";

	private final Articles articles;

	private final ArticleFiles files;

	private final SearchSource search;

	private final KnowledgeChoices choices;

	private final GeneratedArticles generated;

	KnowledgeController(Articles articles, ArticleFiles files, @Qualifier("articleSearchSource") SearchSource search,
			KnowledgeChoices choices, GeneratedArticles generated) {
		this.articles = articles;
		this.generated = generated;
		this.files = files;
		this.search = search;
		this.choices = choices;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ArticleStatus status,
			@RequestParam(required = false) @Nullable ArticleKind kind,
			@RequestParam(required = false) @Nullable ArticleAudience audience,
			@RequestParam(required = false) @Nullable ArticleLanguage language,
			@RequestParam(required = false) @Nullable Long category,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, Model model) {
		if (q != null && !q.isBlank()) {
			Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
			if (status != null) {
				filters.put("status", List.of(status.name()));
			}
			if (kind != null) {
				filters.put("kind", List.of(kind.name()));
			}
			if (audience != null) {
				filters.put("audience", List.of(audience.name()));
			}
			if (language != null) {
				filters.put("language", List.of(language.name()));
			}
			if (category != null) {
				filters.put("category", List.of(String.valueOf(category)));
			}
			SearchResults results = search.search(new SearchRequest(q, me, LocaleContextHolder.getLocale(), filters,
					SearchRequest.reachable(page, PAGE), PAGE));
			model.addAttribute("results", results);
			model.addAttribute("pager", Pager.counted(page,
					Math.min(results.total(), SearchRequest.MAX_RESULTS), PAGE, Pager.sameQuery(request)));
		}
		else {
			ArticlePage found = articles.list(new ArticleFilter(status, kind, audience, language, category,
					mine ? me.id() : null, null, page, PAGE), me);
			model.addAttribute("found", found);
			model.addAttribute("pager", Pager.counted(found.page(), found.total(), PAGE, Pager.sameQuery(request)));
		}
		model.addAttribute("attentionCount", articles.attention(me).size());
		choices.add(model);
		return "knowledge/list";
	}

	@GetMapping("/attention")
	String attention(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("attention", articles.attention(me));
		return "knowledge/attention";
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) @Nullable Long ticket,
			@RequestParam(required = false) @Nullable ArticleLanguage language, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		ArticleLanguage lang = language != null ? language : ArticleLanguage.of(LocaleContextHolder.getLocale());
		ArticleForm form;
		if (ticket != null) {
			form = ArticleForm.of(articles.draftFrom(new TicketId(ticket), lang, me), lang, ticket);
		}
		else {
			form = new ArticleForm();
			form.setLanguage(lang);
		}
		model.addAttribute("articleForm", form);
		return form(null, model);
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("articleForm") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		try {
			ArticleLanguage language = form.getLanguage() != null ? form.getLanguage()
					: ArticleLanguage.of(LocaleContextHolder.getLocale());
			Article article = articles.create(form.content(), language,
					form.getTicketId() == null ? null : new TicketId(form.getTicketId()), me);
			redirect.addFlashAttribute("flash", "knowledge.flash.created");
			redirect.addFlashAttribute("flashArgs", new Object[] { article.getTitle() });
			return "redirect:/agent/knowledge/" + article.getId();
		}
		catch (DomainException ex) {
			FormRefusals.reject(ex, result);
			return form(null, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		Article article = articles.read(id, me);
		model.addAttribute("article", article);
		model.addAttribute("tickets", articles.ticketsOf(id, me));
		model.addAttribute("files", files.of(id, me));
		model.addAttribute("feedback", articles.feedbackSummary(id, me));
		model.addAttribute("comments", articles.feedbackComments(id, 10, me));
		model.addAttribute("myFeedback", articles.myFeedback(id, me).orElse(null));
		model.addAttribute("mayGiveFeedback", ArticlePolicy.canGiveFeedback(article, me));
		model.addAttribute("translation",
				article.getTranslationId() == null ? null : articles.get(article.getTranslationId(), me));
		model.addAttribute("may", new May(article, me));
		model.addAttribute("generatedBy", generated.modelOf(id).orElse(null));
		choices.add(model);
		return "knowledge/article";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		ArticleForm form = ArticleForm.of(articles.get(id, me));
		form.setBasedOn(articles.lastVersionNumber(id, me));
		model.addAttribute("articleForm", form);
		return form(id, model);
	}

	/**
	 * Saves a change. One made from a stale form (someone saved the article meanwhile) comes back
	 * with the text typed, who changed it and a link to what they changed; the form then holds
	 * the article's current version, so that saving again replaces their change on purpose.
	 */
	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("articleForm") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		try {
			Article article = articles.update(id, form.getVersion(), form.content(), me);
			redirect.addFlashAttribute("flash", "knowledge.flash.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { article.getTitle() });
			return "redirect:/agent/knowledge/" + id;
		}
		catch (DomainException ex) {
			if (STALE.equals(ex.messageKey())) {
				Article current = articles.get(id, me);
				ArticleVersion newest = articles.versions(id, me).get(0);
				model.addAttribute("stale", new Stale(form.getBasedOn(), newest));
				form.setVersion(current.getVersion());
				form.setBasedOn(newest.getNumber());
			}
			else {
				FormRefusals.reject(ex, result);
			}
			return form(id, model);
		}
	}

	/**
	 * The translation's form, prefilled with the article's text and description to translate:
	 * nothing is saved before it is sent, so cancelling leaves nothing behind.
	 */
	@GetMapping("/{id}/translate")
	String initTranslationForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		Article source = articles.get(id, me);
		if (source.getTranslationId() != null) {
			return "redirect:/agent/knowledge/" + source.getTranslationId();
		}
		model.addAttribute("articleForm", ArticleForm.translationOf(source));
		return translationForm(source, model);
	}

	@PostMapping("/{id}/translate")
	String translate(@PathVariable long id, @ModelAttribute("articleForm") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		try {
			Article translation = articles.translate(id, form.content(), me);
			redirect.addFlashAttribute("flash", "knowledge.flash.translated");
			redirect.addFlashAttribute("flashArgs", new Object[] { translation.getTitle() });
			return "redirect:/agent/knowledge/" + translation.getId();
		}
		catch (DomainException ex) {
			FormRefusals.reject(ex, result);
			form.setTranslationOf(id);
			return translationForm(articles.get(id, me), model);
		}
	}

	/** Submit, publish, archive or redraft; a refusal comes back on the article's page as a message. */
	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) @Nullable Long version,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		ArticleAction taken = ArticleAction.ofSlug(action.toLowerCase(Locale.ROOT));
		if (taken == null) {
			throw new NotFoundException("knowledge.not-found", "No such action", action);
		}
		try {
			Article article = articles.act(id, taken, version, me);
			redirect.addFlashAttribute("flash", "knowledge.flash." + taken.slug());
			redirect.addFlashAttribute("flashArgs", new Object[] { article.getTitle() });
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArgs", ex.arguments());
		}
		return "redirect:/agent/knowledge/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		String title = articles.get(id, me).getTitle();
		articles.delete(id, me);
		redirect.addFlashAttribute("flash", "knowledge.flash.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { title });
		return "redirect:/agent/knowledge";
	}

	/** A file for the article; a refused one comes back as a message on its page. */
	@PostMapping("/{id}/attachments")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) throws IOException {
		try {
			files.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), me);
			redirect.addFlashAttribute("flash", "knowledge.flash.attached");
			redirect.addFlashAttribute("flashArgs", new Object[] { file.getOriginalFilename() });
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArgs", ex.arguments());
		}
		return "redirect:/agent/knowledge/" + id + "#files";
	}

	@PostMapping("/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam boolean helpful, @RequestParam(required = false) @Nullable String comment,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		articles.giveFeedback(id, helpful, comment, me);
		redirect.addFlashAttribute("flash", "knowledge.flash.feedback");
		return "redirect:/agent/knowledge/" + id + "#feedback";
	}

	@GetMapping("/{id}/versions")
	String versions(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("article", articles.get(id, me));
		model.addAttribute("versions", articles.versions(id, me));
		return "knowledge/versions";
	}

	@GetMapping("/{id}/versions/{number}")
	String version(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		Article article = articles.get(id, me);
		ArticleVersion version = articles.version(id, number, me);
		model.addAttribute("article", article);
		model.addAttribute("version", version);
		return "knowledge/version";
	}

	@GetMapping("/{id}/diff")
	String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("article", articles.get(id, me));
		model.addAttribute("diff", articles.diff(id, from, to, me));
		model.addAttribute("versions", articles.versions(id, me));
		return "knowledge/diff";
	}

	private String form(@Nullable Long id, Model model) {
		model.addAttribute("articleId", id);
		choices.add(model);
		return "knowledge/form";
	}

	private String translationForm(Article source, Model model) {
		model.addAttribute("source", source);
		return form(null, model);
	}

	/**
	 * A change refused as stale: {@code from} is the version the editor started from (null when
	 * the form did not say), {@code newest} the one saved meanwhile.
	 */
	record Stale(@Nullable Integer from, ArticleVersion newest) {

		/** Whether the text changed meanwhile (else only its description or status did). */
		public boolean textChanged() {
			return from != null && from < newest.getNumber();
		}

	}

	/** What the reader may do with the article shown, for its buttons. */
	record May(Article article, CurrentUser reader) {

		public boolean take(String action) {
			ArticleAction taken = ArticleAction.valueOf(action);
			return taken.appliesTo(article.getStatus()) && ArticlePolicy.canTake(taken, article, reader);
		}

		public boolean delete() {
			return ArticlePolicy.canDelete(article, reader);
		}

		public boolean edit() {
			return ArticlePolicy.canWrite(reader) && article.getStatus() != ArticleStatus.ARCHIVED;
		}

	}

}
