package org.guichet.presentation.pack;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.AttachmentFile;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The pack as a download, the same from the API and from the page's form: the request read
 * ({@link PackRequest}), the pack drawn up ({@link PresentationPack#draw}), then the ZIP streamed
 * or the PDF sent, named {@code presentation-<from>-<to>.zip|pdf}. Refusals are thrown before
 * anything is sent.
 */
@Component
class PackDownloads {

	private final PresentationPack pack;

	private final Clock clock;

	private final ZoneId zone;

	PackDownloads(PresentationPack pack, Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.pack = pack;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today in the desk's time zone, the default period's last day. */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	ResponseEntity<StreamingResponseBody> download(@Nullable String format, @Nullable String from, @Nullable String to,
			@Nullable String anonymize, @Nullable String examples, @Nullable String lang, CurrentUser reader) {
		PackRequest request = PackRequest.of(format, from, to, anonymize, examples, lang,
				LocaleContextHolder.getLocale(), today());
		PresentationPack.Drawn drawn = pack.draw(request, reader);
		String name = "presentation-" + request.period().from() + "-" + request.period().to();
		if (request.pdf()) {
			byte[] pdf = drawn.pdf();
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, AttachmentFile.contentDisposition(false, name + ".pdf"))
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.contentLength(pdf.length)
				.body(out -> out.write(pdf));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, AttachmentFile.contentDisposition(false, name + ".zip"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(drawn::zip);
	}

}
