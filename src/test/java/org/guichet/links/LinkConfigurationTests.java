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

/** The signed links' key and base URL: required outside the demo, generated once per data folder in it. */
class LinkConfigurationTests {

	private final LinkConfiguration configuration = new LinkConfiguration();

	@TempDir
	private Path dataDir;

	@Test
	void withoutAKeyOrABaseUrlOutsideTheDemoGuichetDoesNotStartAndNamesTheSetting() {
		MockEnvironment production = new MockEnvironment();

		assertThatThrownBy(() -> configuration.linkSigner(production)).isInstanceOf(LinkSettingMissingException.class)
			.extracting(e -> ((LinkSettingMissingException) e).property())
			.isEqualTo("guichet.links.key");
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
	void theDemoGeneratesItsKeyOncePerDataFolderReadableByItsOwnerOnly() throws Exception {
		MockEnvironment demo = new MockEnvironment().withProperty("guichet.demo.enabled", "true")
			.withProperty("guichet.data-dir", dataDir.toString())
			.withProperty("server.port", "8137");
		LinkClaim claim = new LinkClaim(LinkPurpose.ACCEPT_SOLUTION, 1, 2, Instant.parse("2027-01-01T00:00:00Z"),
				"AAAAAAAAAAAAAAAAAAAAAA");

		String first = configuration.linkSigner(demo).sign(claim);
		String afterRestart = configuration.linkSigner(demo).sign(claim);

		assertThat(afterRestart).isEqualTo(first);
		assertThat(Files.getPosixFilePermissions(dataDir.resolve(LinkConfiguration.KEY_FILE)))
			.doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		assertThat(configuration.linkBaseUrl(demo).value()).isEqualTo("http://localhost:8137");
	}

}
