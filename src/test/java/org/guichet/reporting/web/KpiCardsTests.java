package org.guichet.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.presentation.KpiFormat;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class KpiCardsTests {

	private static final ResourceBundleMessageSource MESSAGES = messages();

	private final KpiCards cards = new KpiCards(new KpiFormat(MESSAGES), MESSAGES);

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/dashboard", "i18n/messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static Kpi kpi(String name, KpiUnit unit, Double value, Double previous, KpiTarget target, Boolean met,
			Kpi... details) {
		return new Kpi(name, unit, value, 12, previous, target, met,
				resolvedInNovember(), List.of(details));
	}

	private static Map<String, String> resolvedInNovember() {
		Map<String, String> drillDown = new LinkedHashMap<>();
		drillDown.put("from", "2026-11-01");
		drillDown.put("to", "2026-11-30");
		drillDown.put("periodBy", "RESOLVED");
		return drillDown;
	}

	@Test
	void aShorterResolutionTimeThanBeforeIsBetterAndSaysFromWhat() {
		KpiCard card = cards.card(kpi(Kpi.MEAN_RESOLUTION_TIME, KpiUnit.DURATION, 7200.0, 9000.0, null, null),
				Locale.ENGLISH);
		assertThat(card.value()).isEqualTo("2 h");
		assertThat(card.trend()).isEqualTo(new KpiCard.Trend("DOWN", "2 h 30 min", "better"));
		assertThat(card.link()).isEqualTo("/agent?queue=ALL&from=2026-11-01&to=2026-11-30&periodBy=RESOLVED");
	}

	@Test
	void aLowerComplianceIsWorseAndItsTargetIsWrittenAsAPercentage() {
		KpiTarget target = new KpiTarget(Kpi.SLA_COMPLIANCE, KpiComparison.AT_LEAST, 0.95);
		KpiCard card = cards.card(kpi(Kpi.SLA_COMPLIANCE, KpiUnit.RATIO, 0.875, 0.9, target, false), Locale.ENGLISH);
		assertThat(card.value()).isEqualTo("87.5%");
		assertThat(card.trend().judgement()).isEqualTo("worse");
		assertThat(card.target()).isEqualTo("≥ 95%");
		assertThat(card.met()).isFalse();
	}

	@Test
	void aTargetDecidesWhichWayIsBetterOverTheUsualDirection() {
		KpiTarget moreIsBetter = new KpiTarget(Kpi.BACKLOG, KpiComparison.AT_LEAST, 10);
		KpiCard card = cards.card(kpi(Kpi.BACKLOG, KpiUnit.COUNT, 14.0, 11.0, moreIsBetter, true), Locale.ENGLISH);
		assertThat(card.trend()).isEqualTo(new KpiCard.Trend("UP", "11", "better"));
	}

	@Test
	void volumesGoUpOrDownWithoutBeingBetterOrWorse() {
		KpiCard card = cards.card(kpi(Kpi.VOLUMES, KpiUnit.COUNT, 40.0, 30.0, null, null), Locale.ENGLISH);
		assertThat(card.trend()).isEqualTo(new KpiCard.Trend("UP", "30", null));
	}

	@Test
	void aChangeTooSmallToShowIsNoChange() {
		KpiCard card = cards.card(kpi(Kpi.MEAN_TIME_TO_OWN, KpiUnit.DURATION, 3600.0, 3610.0, null, null),
				Locale.ENGLISH);
		assertThat(card.trend().direction()).isEqualTo("SAME");
	}

	@Test
	void withoutAPreviousFigureThereIsNoTrendAndWithoutTicketsNoValue() {
		KpiCard card = cards.card(kpi(Kpi.REOPEN_RATE, KpiUnit.RATIO, null, null, null, null), Locale.ENGLISH);
		assertThat(card.value()).isNull();
		assertThat(card.trend()).isEqualTo(new KpiCard.Trend("NONE", null, null));
	}

	@Test
	void onlyTheDetailsWithALabelAreShownBacklogBreakdownsGoToTheCharts() {
		Kpi byStatus = kpi("backlog.status.NEW", KpiUnit.COUNT, 3.0, null, null, null);
		Kpi tto = kpi("slaCompliance.tto", KpiUnit.RATIO, 1.0, null, null, null);
		assertThat(cards.card(kpi(Kpi.BACKLOG, KpiUnit.COUNT, 3.0, 2.0, null, null, byStatus), Locale.ENGLISH)
			.details()).isEmpty();
		assertThat(cards.card(kpi(Kpi.SLA_COMPLIANCE, KpiUnit.RATIO, 1.0, 1.0, null, null, tto), Locale.FRENCH)
			.details()).extracting(KpiCard::name).containsExactly("slaCompliance.tto");
	}

}
