package org.guichet.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import org.guichet.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from being aimed at the desk's own network (server-side request forgery): an
 * address whose host is, or resolves to, a loopback ({@code 127.0.0.0/8}, {@code ::1}), link-local
 * ({@code 169.254.0.0/16}, the clouds' metadata services among them; {@code fe80::/10}),
 * unspecified ({@code 0.0.0.0/8}, {@code ::}), private ({@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}, {@code fc00::/7}), shared ({@code 100.64/10}) or multicast address is
 * refused when a webhook is saved and checked again just before each delivery, since a name may
 * resolve elsewhere later. An administrator allows them with
 * {@code guichet.webhooks.allow-internal-targets=true} (docs/CONFIGURATION.md#webhooks).
 */
@Component
class WebhookTargets {

	private final boolean allowInternal;

	WebhookTargets(WebhookProperties properties) {
		this.allowInternal = properties.allowInternalTargets();
	}

	/**
	 * @param url an absolute http(s) address with a host, as {@link Webhooks#checkUrl} accepts it
	 * @throws InvalidInputException (field {@code url}, {@code webhooks.url.internal}) when its host
	 *         is or resolves to an internal address, unless they are allowed; a name that does not
	 *         resolve now is accepted, each delivery checks it again
	 */
	void checkSaved(String url) {
		internal(url).ifPresent(address -> {
			throw new InvalidInputException("url", "webhooks.url.internal",
					"This address leads to the server's own network: give an address outside it, or ask the operator to allow internal targets",
					address);
		});
	}

	/**
	 * @param url the address a delivery is about to be posted to
	 * @return why it must not be posted to (the internal address its host resolves to now), empty
	 *         when it may, or when its host does not resolve (the connection says so)
	 */
	Optional<String> refusal(String url) {
		return internal(url).map(address -> "Refused: " + URI.create(url).getHost() + " resolves to the internal address "
				+ address + " (guichet.webhooks.allow-internal-targets)");
	}

	private Optional<String> internal(String url) {
		if (allowInternal) {
			return Optional.empty();
		}
		String host = URI.create(url).getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		try {
			return Arrays.stream(InetAddress.getAllByName(host))
				.filter(WebhookTargets::isInternal)
				.map(InetAddress::getHostAddress)
				.findFirst();
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/** @return whether the address belongs to the server's own host or network rather than the Internet */
	static boolean isInternal(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		if (address instanceof Inet6Address) {
			// unique local fc00::/7
			return (bytes[0] & 0xfe) == 0xfc;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		// 0.0.0.0/8 "this network", 100.64.0.0/10 shared (carrier-grade NAT)
		return first == 0 || first == 100 && second >= 64 && second < 128;
	}

}
