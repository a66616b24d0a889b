package org.guichet.system;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class VersionETagsTests {

	/** A record with its lock version, as the API gives one. */
	record Policy(long id, long version) {
	}

	/** A form's number, 1, 2…: no version If-Match takes. */
	record Form(long itemId, int version) {
	}

	/** An answer with no version at all. */
	record Count(long count) {
	}

	@Test
	void aRecordsVersionIsItsETag() {
		assertThat(etagOf(new Policy(4, 7))).isEqualTo("\"7\"");
	}

	@Test
	void aNumberThatIsNoRecordsVersionGivesNoETag() {
		assertThat(etagOf(new Form(4, 2))).isNull();
		assertThat(etagOf(new Count(3))).isNull();
	}

	@Test
	void anAnswerThatHasAnETagKeepsItsOwn() {
		ServletServerHttpResponse response = new ServletServerHttpResponse(new MockHttpServletResponse());
		response.getHeaders().setETag("\"12.3\"");
		write(new Policy(4, 7), response);
		assertThat(response.getHeaders().getETag()).isEqualTo("\"12.3\"");
	}

	private static String etagOf(Object body) {
		ServletServerHttpResponse response = new ServletServerHttpResponse(new MockHttpServletResponse());
		write(body, response);
		return response.getHeaders().getETag();
	}

	private static void write(Object body, ServletServerHttpResponse response) {
		new VersionETags().beforeBodyWrite(body, null, MediaType.APPLICATION_JSON, null,
				new ServletServerHttpRequest(new MockHttpServletRequest()), response);
	}

}
