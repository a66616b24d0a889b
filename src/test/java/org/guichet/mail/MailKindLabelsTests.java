package org.guichet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Every kind of mail has its name, in French and English, on each page that lists mails by kind:
 * the mail texts' page (name and help) and the demo's mailboxes.
 */
class MailKindLabelsTests {

	@Test
	void everyKindOfMailIsNamedOnTheMailTextsPageAndTheDemoMailboxes() throws IOException {
		List<String> missing = new ArrayList<>();
		for (String bundle : List.of("mail", "mail_fr", "demo", "demo_fr")) {
			Properties properties = load(bundle);
			for (MailKind kind : MailKind.values()) {
				List<String> keys = bundle.startsWith("mail")
						? List.of("mail.templates.kind." + kind.key(), "mail.templates.kind." + kind.key() + ".help")
						: List.of("demo.mail.kind." + kind.key());
				keys.stream().filter(key -> !properties.containsKey(key)).forEach(key -> missing.add(bundle + ": " + key));
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", bundle + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
