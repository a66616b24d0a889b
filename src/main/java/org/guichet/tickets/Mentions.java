package org.guichet.tickets;

import java.util.List;
import java.util.Objects;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.text.RichText;
import org.springframework.stereotype.Component;

/**
 * Who a comment calls in by name. Only a member of the IT team calls colleagues in, and only
 * active members of the IT team are called: a requester's {@code @name} is plain text, and a
 * requester named in an internal note is never told of it.
 */
@Component
class Mentions {

	private final RichText richText;

	private final UserRepository users;

	Mentions(RichText richText, UserRepository users) {
		this.richText = richText;
		this.users = users;
	}

	/**
	 * @return the active members of the IT team the comment names by login, each once, in the
	 *     order written, without its author; empty when the author is not of the IT team
	 */
	List<User> colleaguesNamedIn(Comment comment) {
		User author = comment.getAuthor();
		if (!author.getRole().isAgent()) {
			return List.of();
		}
		return richText.mentions(comment.getBody())
			.stream()
			.map(login -> users.findByUsername(login).orElse(null))
			.filter(Objects::nonNull)
			.filter(user -> MentionedColleagues.mayBeCalledIn(user) && !Objects.equals(user.getId(), author.getId()))
			.distinct()
			.toList();
	}

}
