package org.guichet.presentation.pages;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.ForTheItTeam;
import org.guichet.system.VersionMismatchException;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author's pages in the application: the list ({@code /presentation/pages}), a page as it
 * reads ({@code /presentation/pages/{slug}}), and for supervisors and administrators the form to
 * write one with its preview, the order and the deletion. A refused form comes back with every
 * error next to its field and the text as typed; a page saved meanwhile by someone else comes
 * back with the typed text kept and the saved one shown beside it.
 */
@ForTheItTeam
@Controller
class AuthorPageController {

	private final AuthorPages pages;

	private final RichText richText;

	AuthorPageController(AuthorPages pages, RichText richText) {
		this.pages = pages;
		this.richText = richText;
	}

	@GetMapping("/presentation/pages")
	String list(@AuthenticationPrincipal CurrentUser reader, Model model) {
		model.addAttribute("pages", pages.list(reader));
		model.addAttribute("mayWrite", AuthorPages.mayWrite(reader));
		return "presentation/pages";
	}

	@GetMapping("/presentation/pages/{slug}")
	String show(@PathVariable String slug, @AuthenticationPrincipal CurrentUser reader, Model model) {
		AuthorPage page = pages.bySlug(slug, reader);
		model.addAttribute("page", page);
		// A page has no attachment: an image in it shows as a link (or its text), as in the pack.
		model.addAttribute("bodyHtml", richText.html(page.getBody(), ImageSource.NONE));
		model.addAttribute("mayWrite", AuthorPages.mayWrite(reader));
		return "presentation/page";
	}

	@GetMapping("/presentation/pages/new")
	String initCreationForm(@AuthenticationPrincipal CurrentUser by, Model model) {
		pages.list(by);
		model.addAttribute("pageForm", new PageForm());
		return form(null, null, model);
	}

	@PostMapping("/presentation/pages/new")
	String processCreationForm(@ModelAttribute("pageForm") PageForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes redirect) {
		try {
			AuthorPage page = pages.create(PageDefinition.of(form.getTitle(), form.getSlug(), form.getBody()), by);
			redirect.addFlashAttribute("flash", "pages.flash.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { page.getTitle() });
			return "redirect:/presentation/pages/" + page.getSlug();
		}
		catch (InvalidInputException ex) {
			FormRefusals.reject(ex, result);
			return form(null, null, model);
		}
	}

	@GetMapping("/presentation/pages/edit/{id}")
	String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser by, Model model) {
		model.addAttribute("pageForm", PageForm.of(pages.get(id, by)));
		return form(id, null, model);
	}

	@PostMapping("/presentation/pages/edit/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("pageForm") PageForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes redirect) {
		try {
			AuthorPage page = pages.update(id, form.getVersion(),
					PageDefinition.of(form.getTitle(), form.getSlug(), form.getBody()), by);
			redirect.addFlashAttribute("flash", "pages.flash.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { page.getTitle() });
			return "redirect:/presentation/pages/" + page.getSlug();
		}
		catch (InvalidInputException ex) {
			FormRefusals.reject(ex, result);
			return form(id, null, model);
		}
		catch (VersionMismatchException ex) {
			AuthorPage saved = pages.get(id, by);
			// Saving again now replaces the saved page knowingly: the form takes its version.
			form.setVersion(saved.getVersion());
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(id, saved, model);
		}
	}

	@PostMapping("/presentation/pages/edit/{id}/move")
	String move(@PathVariable long id, @RequestParam int offset, @AuthenticationPrincipal CurrentUser by) {
		pages.move(id, offset, by);
		return "redirect:/presentation/pages";
	}

	@PostMapping("/presentation/pages/edit/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser by, RedirectAttributes redirect) {
		String title = pages.get(id, by).getTitle();
		pages.delete(id, by);
		redirect.addFlashAttribute("flash", "pages.flash.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { title });
		return "redirect:/presentation/pages";
	}

	private static String form(@Nullable Long id, @Nullable AuthorPage saved, Model model) {
		model.addAttribute("pageId", id);
		model.addAttribute("saved", saved);
		model.addAttribute("titleMax", PageDefinition.TITLE_MAX);
		model.addAttribute("slugMax", PageDefinition.SLUG_MAX);
		return "presentation/page-form";
	}

}
