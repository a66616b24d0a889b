package org.guichet.chat;

import java.time.Duration;
import java.util.List;

import org.guichet.system.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatSettingsTests {

	private static ChatSettings visitors(boolean on) {
		return new ChatSettings(List.of(), "", 20, Duration.ofSeconds(10), Duration.ofMinutes(15), on, 5,
				Duration.ofHours(1));
	}

	@Test
	void theVisitorsPagesDoNotExistWhileTheOptionIsOff() {
		assertThatThrownBy(() -> visitors(false).requireVisitors()).isInstanceOf(NotFoundException.class)
			.hasFieldOrPropertyWithValue("messageKey", "chat.visitors.off")
			.satisfies(refused -> assertThat(((NotFoundException) refused).status())
				.isEqualTo(404));
		assertThatCode(() -> visitors(true).requireVisitors()).doesNotThrowAnyException();
	}

	@Test
	void aVisitorLimitBelowOneOrAnEmptyWindowIsRefusedAtStart() {
		assertThatThrownBy(() -> new ChatSettings(List.of(), "", 20, Duration.ofSeconds(10), Duration.ofMinutes(15),
				true, 0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ChatSettings(List.of(), "", 20, Duration.ofSeconds(10), Duration.ofMinutes(15),
				true, 5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
	}

}
