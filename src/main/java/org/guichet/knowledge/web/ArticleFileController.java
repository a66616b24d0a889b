package org.guichet.knowledge.web;

import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.ArticleFile;
import org.guichet.knowledge.ArticleFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An article's file, for whoever reads the article (404 for anyone else), with the tickets'
 * download headers: the images its text shows are served from here.
 */
@Controller
class ArticleFileController {

	private final ArticleFiles files;

	ArticleFileController(ArticleFiles files) {
		this.files = files;
	}

	@GetMapping("/knowledge/articles/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser me) {
		ArticleFile file = files.download(id, attachmentId, me);
		return ResponseEntity.ok().headers(file.headers()).body(file.content());
	}

}
