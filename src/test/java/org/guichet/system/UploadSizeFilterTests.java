package org.guichet.system;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the multipart limits is refused as "too large" before anything reads its
 * parameters (the container's parser refuses it the way Tomcat does: an IllegalStateException
 * caused by its size-limit exception); one within the limits passes unchanged.
 */
class UploadSizeFilterTests {

	private final UploadSizeFilter filter = new UploadSizeFilter(messages(), new Problems(messages()));

	@Test
	void anApiUploadOverTheLimitGetsA413ProblemNamingTheFile() throws Exception {
		MockHttpServletResponse response = send(tooLarge("/api/v1/tickets/12/attachments"));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"field\":\"file\"", "\"code\":\"upload.too-large\"",
				"larger than the server accepts");
	}

	@Test
	void aFormOverTheLimitGetsTheTooLargePageInsteadOfAnAccessRefusal() throws Exception {
		MockHttpServletResponse response = send(tooLarge("/portal/tickets/new"));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.isCommitted()).isTrue();
	}

	@Test
	void anApiUploadWithTooManyPartsGetsA413ProblemSayingSoNotAFileTooLarge() throws Exception {
		MockHttpServletResponse response = send(refused("/api/v1/tickets/12/attachments",
				new FileCountLimitExceededException("attachment", 50)));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"code\":\"upload.too-many-parts\"", "Too many parts")
			.doesNotContain("larger than");
	}

	@Test
	void aFormWithTooManyPartsGetsTheErrorPageWithItsOwnExplanation() throws Exception {
		MockHttpServletRequest request = refused("/portal/catalogue/items/3", new FileCountLimitExceededException("attachment", 50));
		MockHttpServletResponse response = send(request);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(request.getAttribute(UploadSizeFilter.REFUSAL)).isEqualTo("error.413.too-many-parts");
	}

	@Test
	void anUploadWithinTheLimitGoesOn() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/portal/tickets/new");
		request.setContentType("multipart/form-data; boundary=x");
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isSameAs(request);
	}

	private MockHttpServletResponse send(MockHttpServletRequest request) throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("nothing after the filter sees the request").isNull();
		return response;
	}

	/** A request whose parts the container refuses to parse, as Tomcat does over the limit. */
	private static MockHttpServletRequest tooLarge(String path) {
		return refused(path, new FileSizeLimitExceededException(
				"The field file exceeds its maximum permitted size of 104857600 bytes.", 104_857_601, 104_857_600));
	}

	/** A request whose parts the container refuses to parse for {@code cause}, as Tomcat does. */
	private static MockHttpServletRequest refused(String path, Exception cause) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public Collection<Part> getParts() {
				throw new IllegalStateException(cause);
			}

		};
		request.setContentType("multipart/form-data; boundary=x");
		request.addPreferredLocale(Locale.ENGLISH);
		return request;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/errors");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
