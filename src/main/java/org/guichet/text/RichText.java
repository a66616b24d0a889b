package org.guichet.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns what people write, untrusted Markdown, into HTML safe to put in a page, and finds the
 * colleagues a text mentions. Templates call it as {@code #richText} (an expression object of
 * {@code web.RichTextDialect}); docs/TEXT.md says what is kept and what is stripped.
 */
@Component
public class RichText {

	/**
	 * A {@code @login} as {@link #mentions} recognises it in prose (group 1 is the login), for
	 * whoever must find or rewrite mentions in a text the same way (e.g. anonymisation).
	 */
	public static final Pattern MENTION = MarkdownRenderer.MENTION;

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	private final HtmlSanitiser sanitiser = new HtmlSanitiser();

	private final MentionedPeople people;

	/**
	 * @param people who a {@code @login} calls in, for {@link #htmlWithMentions}
	 */
	@Autowired
	public RichText(MentionedPeople people) {
		this.people = people;
	}

	/** A renderer for which no {@code @login} calls anyone in: mentions stay plain text. */
	public RichText() {
		this(login -> null);
	}

	/**
	 * The text as HTML: CommonMark with tables, strikethrough and links found in the text; a line
	 * break kept as a line break, so that plain text written before reads as it did; raw HTML
	 * shown as text; only the tags, attributes and link schemes (http, https, mailto, paths of
	 * this site) of the safe list; every link opening in a new tab without giving the page to
	 * it; an image only when {@code images} allows its address, any other one replaced by a
	 * link (http or https) or by its text.
	 *
	 * @param markdown the text as typed; null or blank gives an empty string
	 * @param images the images this text may show, e.g. its ticket's attachments
	 * @return an HTML fragment (no {@code html} or {@code body} element), never null
	 */
	public String html(@Nullable String markdown, ImageSource images) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return sanitiser.clean(renderer.render(markdown), images, Map.of());
	}

	/**
	 * {@link #html(String, ImageSource)} for the attached files under one server path, as
	 * templates call it: {@code @richText.html(comment.body, '/tickets/12/attachments/')}.
	 *
	 * @param attachmentPath as {@link ImageSource#attachmentsUnder(String)} takes it
	 */
	public String html(@Nullable String markdown, String attachmentPath) {
		return html(markdown, ImageSource.attachmentsUnder(attachmentPath));
	}

	/**
	 * {@link #html(String, String)}, and each {@code @login} of the prose (as {@link #mentions}
	 * finds them) that calls someone in ({@link MentionedPeople}) shown as a mention: an element
	 * {@code <span class="mention" title="Full Name">@login</span>} that also tells screen
	 * readers the name. For texts whose {@code @login} does call people in (the IT team's
	 * replies and notes); the element is added after sanitising, from the login as written
	 * and the name as the directory has it, both escaped: nothing typed can make a
	 * {@code span}, a {@code class} or a {@code title}.
	 *
	 * @param markdown the text as typed; null or blank gives an empty string
	 * @param attachmentPath as {@link ImageSource#attachmentsUnder(String)} takes it
	 * @return an HTML fragment, never null
	 */
	public String htmlWithMentions(@Nullable String markdown, String attachmentPath) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		Map<String, String> named = new LinkedHashMap<>();
		for (String login : renderer.mentions(markdown)) {
			String name = people.nameOf(login);
			if (name != null) {
				named.put(login, name);
			}
		}
		return sanitiser.clean(renderer.render(markdown), ImageSource.attachmentsUnder(attachmentPath), named);
	}

	/**
	 * The logins written as {@code @login} in the text's prose: not in code, not in a link, not
	 * the middle of an e-mail address; a trailing dot or dash is punctuation, not part of the
	 * login. Whether each is a person, and who may be told, is the caller's business.
	 *
	 * @return each login once, in the order written; empty for null
	 */
	public Set<String> mentions(@Nullable String markdown) {
		return markdown == null ? Set.of() : renderer.mentions(markdown);
	}

}
