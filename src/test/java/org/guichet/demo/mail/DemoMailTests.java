package org.guichet.demo.mail;

import java.util.List;

import org.guichet.demo.mail.DemoMail.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMailTests {

	@Test
	void theTextIsCutIntoLinksAndTheWordsAroundThemWithoutTheSentencesPunctuation() {
		assertThat(DemoMail.segments("Accept: https://desk.example/links/accept/abc.def_1. Or refuse (http://x.example/r?a=1&b=2)."))
			.containsExactly(new Segment("Accept: ", false), new Segment("https://desk.example/links/accept/abc.def_1", true),
					new Segment(". Or refuse (", false), new Segment("http://x.example/r?a=1&b=2", true),
					new Segment(").", false));
	}

	@Test
	void onlyHttpAndHttpsAddressesBecomeLinks() {
		assertThat(DemoMail.segments("javascript:alert(1) mailto:a@b.example ftp://x.example"))
			.containsExactly(new Segment("javascript:alert(1) mailto:a@b.example ftp://x.example", false));
		assertThat(DemoMail.segments("")).isEmpty();
		assertThat(DemoMail.segments(null)).isEqualTo(List.of());
	}

	@Test
	void anAnswerSubjectStartsWithReOnce() {
		assertThat(DemoMailController.answerSubject("[#1042] Resolved")).isEqualTo("Re: [#1042] Resolved");
		assertThat(DemoMailController.answerSubject(" RE: [#1042] Resolved ")).isEqualTo("RE: [#1042] Resolved");
	}

}
