package org.guichet.links;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signed links' key and base URL: the key generated once per data folder unless configured, the
 * base URL required once mail goes out outside the demo.
 */
class LinkConfigurationTests {

	private final LinkConfiguration configuration = new LinkConfiguration();

	@TempDir
	private Path dataDir;

	@Test
	void aDeskThatSendsMailOutsideTheDemoDoesNotStartWithoutABaseUrlAndNamesTheSetting() {
		MockEnvironment production = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.org");

		assertThatThrownBy(() -> configuration.linkBaseUrl(production)).isInstanceOf(LinkSettingMissingException.class)
			.extracting(e -> ((LinkSettingMissingException) e).property())
			.isEqualTo("guichet.base-url");
	}

	@Test
	void aShortOrMalformedKeyAndABaseUrlThatIsNotAWebAddressAreRefused() {
		assertThatThrownBy(() -> configuration.linkSigner(new MockEnvironment().withProperty("guichet.links.key",
				Base64.getEncoder().encodeToString(new byte[16]))))
			.hasMessageContaining("16 bytes, at least 32");
		assertThatThrownBy(() -> configuration.linkSigner(new MockEnvironment().withProperty("guichet.links.key", "not base64!")))
			.hasMessageContaining("not valid base64");
		for (String wrong : new String[] { "guichet.example.org", "ftp://guichet.example.org", "https://x.org/?a=1" }) {
			assertThatThrownBy(() -> configuration.linkBaseUrl(new MockEnvironment().withProperty("guichet.base-url", wrong)))
				.as(wrong)
				.isInstanceOf(LinkSettingMissingException.class);
		}
		assertThat(configuration.linkBaseUrl(new MockEnvironment().withProperty("guichet.base-url",
				"https://guichet.example.org/desk/")).value()).isEqualTo("https://guichet.example.org/desk");
	}

	@Test
	void withoutAConfiguredKeyOneIsGeneratedOncePerDataFolderReadableByItsOwnerOnly() throws Exception {
		MockEnvironment withoutMail = new MockEnvironment().withProperty("guichet.data-dir", dataDir.toString())
			.withProperty("server.port", "8137");
		LinkClaim claim = new LinkClaim(LinkPurpose.ACCEPT_SOLUTION, 1, 2, Instant.parse("2027-01-01T00:00:00Z"),
				"AAAAAAAAAAAAAAAAAAAAAA");

		String first = configuration.linkSigner(withoutMail).sign(claim);
		String afterRestart = configuration.linkSigner(withoutMail).sign(claim);

		assertThat(afterRestart).isEqualTo(first);
		assertThat(Files.getPosixFilePermissions(dataDir.resolve(LinkConfiguration.KEY_FILE)))
			.doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		assertThat(configuration.linkBaseUrl(withoutMail).value()).isEqualTo("http://localhost:8137");
		assertThat(configuration.linkBaseUrl(new MockEnvironment().withProperty("guichet.demo.enabled", "true")
			.withProperty("spring.mail.host", "localhost")
			.withProperty("server.port", "8137")).value()).isEqualTo("http://localhost:8137");
	}

}
