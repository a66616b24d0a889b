package org.guichet.reporting.review;

import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgChartTests {

	@Test
	void theValueAxisStepsByWholeRoundNumbersReachingTheLargestValue() {
		assertThat(SvgChart.niceMax(0)).isEqualTo(4);
		assertThat(SvgChart.niceMax(3)).isEqualTo(4);
		assertThat(SvgChart.niceMax(5)).isEqualTo(8);
		assertThat(SvgChart.niceMax(37)).isEqualTo(40);
		assertThat(SvgChart.niceMax(41)).isEqualTo(80);
		assertThat(SvgChart.niceMax(1234)).isEqualTo(2000);
	}

	@Test
	void eachBarIsAsTallAsItsShareOfTheAxisAndNamesItsValueAsTheReadersLanguageWritesIt() {
		Document svg = Jsoup.parse(SvgChart.columns("Days", List.of(new SvgChart.Bar("a", 2), new SvgChart.Bar("b", 4)),
				v -> String.valueOf((long) v), Locale.ENGLISH), "", Parser.xmlParser());
		String french = SvgChart.rows("Jours", List.of(new SvgChart.Bar("lun.", 2)), v -> String.valueOf((long) v),
				Locale.FRENCH);

		assertThat(svg.select("rect.bar")).hasSize(2);
		double first = Double.parseDouble(svg.select("rect.bar").get(0).attr("height"));
		double second = Double.parseDouble(svg.select("rect.bar").get(1).attr("height"));
		assertThat(second).isEqualTo(2 * first, org.assertj.core.data.Offset.offset(0.2));
		assertThat(svg.select("text").eachText()).contains("0", "1", "2", "3", "4", "a", "b");
		assertThat(svg.select("rect.bar title").eachText()).containsExactly("a: 2", "b: 4");
		assertThat(french).contains("<title>lun.\u00a0: 2</title>");
	}

	@Test
	void textsAreEscaped() {
		String svg = SvgChart.rows("<b>&", List.of(new SvgChart.Bar("<script>x</script>", 1)), v -> "1",
				Locale.ENGLISH);

		assertThat(svg).doesNotContain("<script>", "<b>").contains("&lt;script&gt;", "&lt;b&gt;&amp;");
	}

	@Test
	void aSeriesNeedsOneValuePerLabel() {
		assertThatThrownBy(() -> SvgChart.lines("t", List.of("1", "2"),
				List.of(new SvgChart.Series("s", List.of(1.0))), v -> ""))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
