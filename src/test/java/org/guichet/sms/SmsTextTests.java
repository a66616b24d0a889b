package org.guichet.sms;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The text of an SMS out, cut to its segments with the ticket's link kept whole. */
class SmsTextTests {

	private static final String LINK = "https://guichet.example.org/portal/tickets/1234";

	@Test
	void aShortTextIsSentWholeWithTheLink() {
		assertThat(SmsText.compose("Your request 1234 is resolved.", LINK, 1))
			.isEqualTo("Your request 1234 is resolved. " + LINK);
	}

	@Test
	void frenchTypographyIsMadePlainSoThatTheTextStaysInGsmAndTakes160Characters() {
		String text = "Votre demande 1234 « Imprimante » est résolue : dites-nous si le problème est réglé (acceptez ou refusez la solution), c’est important pour nous et pour l’équipe.";
		String sms = SmsText.compose(text, LINK, 1);
		assertThat(sms).startsWith("Votre demande 1234 \"Imprimante\" est résolue").endsWith("... " + LINK);
		assertThat(SmsText.isGsm(sms)).isTrue();
		assertThat(SmsText.units(sms, true)).isLessThanOrEqualTo(160).isGreaterThan(150);
	}

	@Test
	void aTextOutsideGsmIsCutTo70Ucs2Characters() {
		String text = "Votre demande 1234 « 打印机 » est résolue : dites-nous si le problème est réglé.";
		String sms = SmsText.compose(text, "https://g.example/t/1", 1);
		assertThat(SmsText.isGsm(sms)).isFalse();
		assertThat(sms).hasSizeLessThanOrEqualTo(70).endsWith("... https://g.example/t/1").contains("打印机");
	}

	@Test
	void theExtensionCharactersOfGsmCountTwice() {
		String text = "€".repeat(100);
		String sms = SmsText.compose(text, null, 1);
		assertThat(SmsText.isGsm(sms)).isTrue();
		assertThat(sms).isEqualTo("€".repeat(78) + "...");
		assertThat(SmsText.units(sms, true)).isEqualTo(159);
	}

	@Test
	void moreSegmentsCarryMore() {
		assertThat(SmsText.capacity(true, 2)).isEqualTo(306);
		assertThat(SmsText.capacity(false, 2)).isEqualTo(134);
		String text = "a".repeat(400);
		assertThat(SmsText.compose(text, null, 2)).hasSize(306);
	}

	@Test
	void aLinkTooLongForTheSegmentsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SmsText.compose("Hello", "https://x.example/" + "a".repeat(200), 1));
	}

	@Test
	void whateverTheTextTheSmsFitsItsSegmentsAndEndsWithTheLink() {
		Random random = new Random(15);
		String alphabet = "abcdefghijklmnopqrstuvwxyz éèàù€[]«»’…\n打\uD83D\uDE00";
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(400);
			for (int c = 0; c < length; c++) {
				int at = random.nextInt(alphabet.length());
				if (Character.isHighSurrogate(alphabet.charAt(at))) {
					text.append(alphabet, at, at + 2);
				}
				else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
					text.append(alphabet.charAt(at));
				}
			}
			int segments = 1 + random.nextInt(3);
			String sms = SmsText.compose(text.toString(), LINK, segments);
			boolean gsm = SmsText.isGsm(sms);
			assertThat(SmsText.units(sms, gsm)).as(text.toString()).isLessThanOrEqualTo(SmsText.capacity(gsm, segments));
			assertThat(sms).as(text.toString()).endsWith(" " + LINK);
			for (int c = 0; c < sms.length(); c++) {
				if (Character.isHighSurrogate(sms.charAt(c))) {
					assertThat(c + 1 < sms.length() && Character.isLowSurrogate(sms.charAt(c + 1))).as("no half character").isTrue();
				}
			}
		}
	}

}
