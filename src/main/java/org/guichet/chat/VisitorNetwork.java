package org.guichet.chat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network a visitor's IP address belongs to, the key the visitors' start limit counts by: an
 * IPv4 address itself; an IPv6 address's /64 prefix, since one host commonly holds a whole /64 and
 * would otherwise start conversations from billions of addresses. An IPv4 address mapped into IPv6
 * ({@code ::ffff:192.0.2.1}) is that IPv4 address.
 */
final class VisitorNetwork {

	private VisitorNetwork() {
	}

	/**
	 * @param address an IP address as the request gives it (a literal, never a host name), an IPv6
	 *        one with or without brackets or zone
	 * @return the IPv4 address (as given), or the IPv6 /64 prefix such as {@code 2001:db8:0:1::/64};
	 *         anything that is no IP literal, as given
	 */
	static String of(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		int zone = literal.indexOf('%');
		try {
			// in brackets, Java parses an IPv6 literal or refuses it: never a look-up in the DNS
			InetAddress parsed = InetAddress.getByName("[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]");
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			StringBuilder prefix = new StringBuilder();
			for (int group = 0; group < 4; group++) {
				prefix.append(Integer.toHexString((bytes[2 * group] & 0xff) << 8 | bytes[2 * group + 1] & 0xff)).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException notAnAddress) {
			return address;
		}
	}

}
