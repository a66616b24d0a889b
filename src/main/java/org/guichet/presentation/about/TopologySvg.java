package org.guichet.presentation.about;

import static org.guichet.presentation.drawing.Svg.escape;
import static org.guichet.presentation.drawing.Svg.number;

import java.util.List;
import java.util.Locale;

import org.guichet.presentation.about.Topology.Kind;
import org.guichet.presentation.about.TopologyLayout.Laid;
import org.guichet.presentation.about.TopologyLayout.Placed;
import org.guichet.presentation.about.TopologyLayout.Route;
import org.guichet.presentation.drawing.Svg;
import org.jspecify.annotations.Nullable;

/**
 * Draws a placed topology as a standalone SVG document, in the flowchart's style: people's
 * browsers as windows, programs as terminals, Guichet's nodes as boxes, the database as a
 * cylinder, outside servers as boxes of their own colour; arrows from who calls to who answers,
 * with the protocol on them.
 */
final class TopologySvg {

	private final StringBuilder svg = new StringBuilder(8_192);

	private TopologySvg() {
	}

	/**
	 * The SVG document, UTF-8 text without XML declaration, titled in {@code texts}' language.
	 *
	 * @param maxWidth the widest it may be shown, in pixels: a wider drawing is scaled down to it,
	 * keeping its proportions (a printed page); null to show it at its own size
	 */
	static String draw(Laid laid, AboutTexts texts, @Nullable Double maxWidth) {
		return new TopologySvg().document(laid, texts, maxWidth);
	}

	private String document(Laid laid, AboutTexts texts, @Nullable Double maxWidth) {
		double width = Math.max(laid.width(), 320);
		double height = laid.height();
		double scale = maxWidth == null ? 1 : Math.min(1, maxWidth / width);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" role=\"img\"")
			.append(" aria-labelledby=\"topology-title\" lang=\"").append(texts.locale().getLanguage()).append('"')
			.append(" width=\"").append(Svg.size(width * scale)).append("\" height=\"").append(Svg.size(height * scale))
			.append("\" viewBox=\"0 0 ").append(number(width)).append(' ').append(number(height)).append("\" ")
			.append(Svg.FONT).append(">\n<title id=\"topology-title\">").append(escape(texts.text("about.topology.title")))
			.append("</title>\n<defs>").append(Svg.arrowMarker("tp-arrow")).append("</defs>\n")
			.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		for (Route route : laid.links()) {
			link(route);
		}
		for (Placed placed : laid.nodes()) {
			node(placed);
		}
		for (Route route : laid.links()) {
			linkLabel(route);
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private void link(Route route) {
		if (route.points().size() < 2) {
			return;
		}
		StringBuilder d = new StringBuilder();
		for (double[] point : route.points()) {
			d.append(d.length() == 0 ? "M" : " L").append(number(point[0])).append(',').append(number(point[1]));
		}
		svg.append("<path class=\"tp-link\" data-link=\"").append(escape(route.link().from())).append("->")
			.append(escape(route.link().to())).append("\" d=\"").append(d).append("\" fill=\"none\" stroke=\"")
			.append(Svg.LINK_COLOUR).append("\" stroke-width=\"1.4\" marker-end=\"url(#tp-arrow)\"/>\n");
	}

	private void linkLabel(Route route) {
		if (route.label() == null) {
			return;
		}
		double width = route.label().length() * Svg.CHAR_WIDTH + 6;
		svg.append("<g class=\"tp-protocol\"><rect x=\"").append(number(route.labelX())).append("\" y=\"")
			.append(number(route.labelY())).append("\" width=\"").append(number(width)).append("\" height=\"")
			.append(number(Svg.LINE_HEIGHT)).append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/><text x=\"")
			.append(number(route.labelX() + width / 2)).append("\" y=\"").append(number(route.labelY() + 12))
			.append("\" text-anchor=\"middle\" font-style=\"italic\" fill=\"").append(Svg.TEXT_COLOUR).append("\">")
			.append(escape(route.label())).append("</text></g>\n");
	}

	private void node(Placed placed) {
		Kind kind = placed.node().kind();
		svg.append("<g class=\"tp-node tp-").append(kind.name().toLowerCase(Locale.ROOT)).append("\" data-node=\"")
			.append(escape(placed.node().id())).append("\"><title>").append(escape(String.join(" ", placed.lines())))
			.append("</title>");
		shape(kind, placed.x(), placed.y(), placed.width(), placed.height());
		text(placed, kind == Kind.APPLICATION || kind == Kind.SERVER ? 0 : TopologyLayout.HEADER);
		svg.append("</g>\n");
	}

	private void shape(Kind kind, double x, double y, double w, double h) {
		switch (kind) {
			case BROWSERS, PROGRAMS, MAIL_SENDERS -> {
				String[] colours = switch (kind) {
					case BROWSERS -> new String[] { "#dcfce7", "#15803d" };
					case MAIL_SENDERS -> new String[] { "#ffedd5", "#c2410c" };
					default -> new String[] { "#e5e7eb", "#4b5563" };
				};
				rect(x, y, w, h, colours, 4);
				svg.append("<path d=\"M").append(number(x)).append(',').append(number(y + TopologyLayout.HEADER))
					.append(" H").append(number(x + w)).append("\" stroke=\"").append(colours[1])
					.append("\" stroke-width=\"1.5\"/>");
				for (int dot = 0; dot < 3; dot++) {
					svg.append("<circle cx=\"").append(number(x + 9 + dot * 9)).append("\" cy=\"")
						.append(number(y + TopologyLayout.HEADER / 2)).append("\" r=\"2.5\" fill=\"").append(colours[1])
						.append("\"/>");
				}
			}
			case APPLICATION -> rect(x, y, w, h, new String[] { "#dbeafe", "#1d4ed8" }, 3);
			case SERVER -> rect(x, y, w, h, new String[] { "#fef3c7", "#b45309" }, 3);
			case DATABASE -> {
				double ry = TopologyLayout.HEADER / 2;
				String paint = "\" fill=\"#f3e8ff\" stroke=\"#7e22ce\" stroke-width=\"1.5\"/>";
				svg.append("<path d=\"M").append(number(x)).append(',').append(number(y + ry)).append(" V")
					.append(number(y + h - ry)).append(" A").append(number(w / 2)).append(',').append(number(ry))
					.append(" 0 0 0 ").append(number(x + w)).append(',').append(number(y + h - ry)).append(" V")
					.append(number(y + ry)).append(paint);
				svg.append("<ellipse cx=\"").append(number(x + w / 2)).append("\" cy=\"").append(number(y + ry))
					.append("\" rx=\"").append(number(w / 2)).append("\" ry=\"").append(number(ry)).append(paint);
			}
		}
	}

	private void rect(double x, double y, double w, double h, String[] colours, double radius) {
		svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
			.append(number(w)).append("\" height=\"").append(number(h)).append("\" rx=\"").append(number(radius))
			.append("\" fill=\"").append(colours[0]).append("\" stroke=\"").append(colours[1])
			.append("\" stroke-width=\"1.5\"/>");
	}

	private void text(Placed placed, double header) {
		List<String> lines = placed.lines();
		double top = placed.y() + header + 9 + 12;
		double center = placed.x() + placed.width() / 2;
		for (int i = 0; i < lines.size(); i++) {
			svg.append("<text x=\"").append(number(center)).append("\" y=\"").append(number(top + i * Svg.LINE_HEIGHT))
				.append("\" text-anchor=\"middle\" fill=\"").append(Svg.TEXT_COLOUR).append('"')
				.append(i < placed.titleLines() ? " font-weight=\"bold\"" : " font-size=\"11\"").append('>')
				.append(escape(lines.get(i))).append("</text>");
		}
	}

}
