package org.guichet.routing;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashSet;

import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleDefinitionTests {

	@Test
	void emptyEntriesOfAListAreLeftOutRatherThanBreakingTheRule() {
		Conditions when = new Conditions(null, null, null, null, null, null, Arrays.asList("vpn", null), null, null,
				new HashSet<>(Arrays.asList(DayOfWeek.MONDAY, null)));
		Actions then = new Actions(null, null, null, null, Arrays.asList(7L, null), null);
		assertThat(when.words()).containsExactly("vpn");
		assertThat(when.weekdays()).containsExactly(DayOfWeek.MONDAY);
		assertThat(then.observerIds()).containsExactly(7L);
	}

	@Test
	void weekdaysReadMondayFirstWhateverTheOrderTheyCameIn() {
		Conditions when = new Conditions(null, null, null, null, null, null, null, null, null,
				new HashSet<>(Arrays.asList(DayOfWeek.SUNDAY, DayOfWeek.FRIDAY, DayOfWeek.MONDAY)));
		assertThat(when.weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
	}

	@Test
	void listsLeftOutMatchEveryDemand() {
		Conditions when = new Conditions(null, null, null, null, null, null, null, null, null, null);
		assertThat(when).isEqualTo(Conditions.ANY);
		assertThat(new Actions(null, null, null, null, null, null).isEmpty()).isTrue();
	}

}
