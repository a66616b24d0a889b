package org.guichet.presentation.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.presentation.anonymise.Finding.Kind;
import org.guichet.text.RichText;

/**
 * Finds the technical data of a text that can point to someone: mentions, e-mail addresses, IP
 * and MAC addresses, phone numbers and host names (rules in docs/PRESENTING.md, "Anonymisation");
 * and the places where a replacement must read as part of an address (link destinations, URLs).
 */
final class Detectors {

	static final Pattern EMAIL = Pattern.compile(
			"(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(?![\\p{L}\\p{N}-])");

	private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	static final Pattern IPV4 = Pattern.compile("(?<![\\p{N}.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\p{N}]|\\.\\p{N})");

	private static final Pattern IPV6_CANDIDATE = Pattern.compile(
			"(?<![\\p{L}\\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4})(?![\\p{L}\\p{N}:])");

	static final Pattern MAC = Pattern.compile(
			"(?<![\\p{L}\\p{N}:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}(?![\\p{L}\\p{N}:-])");

	/** 0X XX XX XX XX, +33 X XX XX XX XX, 0033…, +33 (0)X…, separated by spaces, dots or dashes or not at all. */
	static final Pattern FRENCH_PHONE = Pattern.compile(
			"(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)33[\\s.-]?(?:\\(0\\)[\\s.-]?)?|0)[1-9](?:[\\s.-]?\\d{2}){4}(?!\\p{N})");

	/** +CC then groups of digits, some in brackets, separated by spaces, dots or dashes: 8 to 15 digits checked apart. */
	static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
			"(?<![\\p{L}\\p{N}+])(?:\\+|00)[1-9]\\d{0,2}(?:[\\s.-]?(?:\\(\\d{1,4}\\)|\\d{1,4})){2,6}(?!\\p{N})");

	static final Pattern FQDN = Pattern.compile(
			"(?<![\\p{L}\\p{N}@._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])");

	private static final Pattern LABEL = Pattern.compile("(?<![\\p{L}\\p{N}_-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\\p{L}\\p{N}_])");

	/** Where a replacement must be a single word: link destinations, autolinks, bare URLs. */
	private static final Pattern URL = Pattern.compile("\\]\\(\\s*<?[^)\\s>]*|<[A-Za-z][A-Za-z0-9+.-]*:[^>\\s]*>"
			+ "|(?<![\\p{L}\\p{N}])(?:https?|ftp|file|mailto|tel|sip|smb)://?[^\\s<>()\\[\\]]+"
			+ "|(?m)^ {0,3}\\[[^\\]]+\\]:\\s*\\S+");

	/** Suffixes that make two labels a host name ("intranet.local", "example.com"); three labels or more always are. */
	private static final Set<String> HOST_SUFFIXES = Set.of("local", "lan", "corp", "internal", "intra", "intranet",
			"home", "localdomain", "priv", "private", "ad", "com", "net", "org", "fr", "eu", "be", "ch", "ca", "lu",
			"uk", "de", "es", "it", "io", "info", "biz", "gouv", "edu", "gov", "example", "invalid", "test", "dev",
			"cloud", "app");

	/** Last labels that make a name with dots a file name (archive.tar.gz), not a host. */
	private static final Set<String> FILE_EXTENSIONS = Set.of("gz", "zip", "tar", "7z", "rar", "pdf", "doc", "docx",
			"xls", "xlsx", "xlsm", "ppt", "pptx", "odt", "ods", "txt", "log", "csv", "json", "xml", "yml", "yaml", "png",
			"jpg", "jpeg", "gif", "bmp", "svg", "msg", "eml", "exe", "msi", "bat", "ps1", "sh", "dll", "ini", "cfg",
			"conf", "bak", "tmp", "html", "htm", "md", "js", "java", "py", "iso", "vhd", "vhdx", "ova");

	/** Names with dots that are products, not hosts. */
	private static final Set<String> NOT_HOSTS = Set.of("asp.net", "vb.net", "ado.net");

	/** First parts that make a word a host name: pc-…, srv…, laptop-… (rules in docs/PRESENTING.md). */
	static final Set<String> HOST_PREFIXES = Set.of("pc", "srv", "svr", "serveur", "server", "ws", "wks", "laptop",
			"desktop", "prn", "imp", "nas", "vm", "dc", "fw", "sw", "rt", "ap", "poste", "sql");

	private Detectors() {
	}

	static List<Finding> find(String text) {
		List<Finding> found = new ArrayList<>();
		all(RichText.MENTION, text, Kind.MENTION, found);
		all(EMAIL, text, Kind.EMAIL, found);
		Matcher ipv6 = IPV6_CANDIDATE.matcher(text);
		while (ipv6.find()) {
			if (isIpv6(ipv6.group()) && !isUnspecifiedOrLoopback(ipv6.group())) {
				found.add(new Finding(ipv6.start(), ipv6.end(), Kind.IPV6));
			}
		}
		Matcher ipv4 = IPV4.matcher(text);
		while (ipv4.find()) {
			if (!keepsIpv4(ipv4.group())) {
				found.add(new Finding(ipv4.start(), ipv4.end(), Kind.IPV4));
			}
		}
		all(MAC, text, Kind.MAC, found);
		all(FRENCH_PHONE, text, Kind.PHONE, found);
		Matcher international = INTERNATIONAL_PHONE.matcher(text);
		while (international.find()) {
			long digits = international.group().chars().filter(Character::isDigit).count();
			if (digits >= 8 && digits <= 15) {
				found.add(new Finding(international.start(), international.end(), Kind.PHONE));
			}
		}
		Matcher fqdn = FQDN.matcher(text);
		while (fqdn.find()) {
			if (isFqdn(fqdn.group())) {
				found.add(new Finding(fqdn.start(), fqdn.end(), Kind.FQDN));
			}
		}
		Matcher label = LABEL.matcher(text);
		while (label.find()) {
			if (isHostLabel(label.group())) {
				found.add(new Finding(label.start(), label.end(), Kind.HOST));
			}
		}
		return found;
	}

	private static void all(Pattern pattern, String text, Kind kind, List<Finding> found) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(new Finding(matcher.start(), matcher.end(), kind));
		}
	}

	/** The ranges ([start, end) pairs) of the text that are addresses: link destinations, autolinks, URLs. */
	static List<int[]> addresses(String text) {
		List<int[]> ranges = new ArrayList<>();
		Matcher matcher = URL.matcher(text);
		while (matcher.find()) {
			ranges.add(new int[] { matcher.start(), matcher.end() });
		}
		return ranges;
	}

	/** Netmasks (255.…), the unspecified address and loopback identify no one and stay. */
	private static boolean keepsIpv4(String address) {
		return address.startsWith("255.") || address.equals("0.0.0.0") || address.startsWith("127.");
	}

	private static boolean isUnspecifiedOrLoopback(String address) {
		return address.equals("::") || address.equals("::1");
	}

	/** An IPv6 address in any of its text forms (RFC 4291 section 2.2), checked without any look-up. */
	static boolean isIpv6(String candidate) {
		String address = candidate;
		int lastColon = address.lastIndexOf(':');
		if (address.indexOf('.') >= 0) {
			if (!IPV4.matcher(address.substring(lastColon + 1)).matches()) {
				return false;
			}
			// the dotted quad stands for the last two groups
			address = address.substring(0, lastColon + 1) + "0:0";
		}
		int groups = 0;
		int gap = address.indexOf("::");
		if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
			return false;
		}
		String[] sides = gap >= 0 ? new String[] { address.substring(0, gap), address.substring(gap + 2) }
				: new String[] { address };
		for (String side : sides) {
			if (side.isEmpty()) {
				continue;
			}
			for (String group : side.split(":", -1)) {
				if (!group.matches("[0-9A-Fa-f]{1,4}")) {
					return false;
				}
				groups++;
			}
		}
		return gap >= 0 ? groups <= 7 : groups == 8;
	}

	private static boolean isFqdn(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		String[] labels = lower.split("\\.");
		String last = labels[labels.length - 1];
		if (NOT_HOSTS.contains(lower) || FILE_EXTENSIONS.contains(last)) {
			return false;
		}
		return labels.length >= 3 || HOST_SUFFIXES.contains(last);
	}

	/**
	 * A host name without dots: in capitals with hyphens ({@code PC-COMPTA-12}, {@code SRV-FICHIERS},
	 * {@code LYON-FS01}: six characters or more and a host prefix, two hyphens or a part mixing
	 * letters and digits); or any case with a host prefix and a digit ({@code srv-mail01},
	 * {@code pc042}, {@code SRVAD01}).
	 */
	static boolean isHostLabel(String word) {
		String[] parts = word.split("-");
		String lower = word.toLowerCase(Locale.ROOT);
		boolean digit = word.chars().anyMatch(Character::isDigit);
		boolean capitals = word.equals(word.toUpperCase(Locale.ROOT));
		String first = parts[0].toLowerCase(Locale.ROOT);
		if (capitals && parts.length >= 2 && word.length() >= 6) {
			boolean mixed = false;
			for (String part : parts) {
				mixed |= part.chars().anyMatch(Character::isDigit) && part.chars().anyMatch(Character::isLetter);
			}
			if (HOST_PREFIXES.contains(first) || parts.length >= 3 || mixed) {
				return true;
			}
		}
		if (parts.length >= 2) {
			return digit && HOST_PREFIXES.contains(first);
		}
		if (word.length() < 5 || !Character.isDigit(word.charAt(word.length() - 1))) {
			return false;
		}
		for (String prefix : HOST_PREFIXES) {
			if (lower.startsWith(prefix) && lower.substring(prefix.length()).matches("[a-z]*\\d+")) {
				return true;
			}
		}
		return false;
	}

}
