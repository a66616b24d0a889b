package org.guichet.operations;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may read the Prometheus metrics: an authenticated person whose role includes the configured
 * one, or any caller whose address is in one of the allowed networks. The address is the one the
 * server sees ({@code request.getRemoteAddr()}): behind a reverse proxy it is the proxy's unless
 * {@code server.forward-headers-strategy} is set (docs/OPERATIONS.md).
 */
class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	/** One number of an IPv4 address, 0 to 255. */
	private static final String BYTE = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";

	/**
	 * An IPv4 address in four numbers or an IPv6 one (it has a colon), with an optional prefix
	 * length: a literal, never a host name that would be looked up in the DNS.
	 */
	private static final Pattern ADDRESS = Pattern.compile(
			"(" + BYTE + "(\\." + BYTE + "){3}|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\\]?)(/\\d{1,3})?");

	private final Role role;

	private final List<IpAddressMatcher> networks;

	/**
	 * @throws IllegalArgumentException when an allowed network is not an IP address or a CIDR block,
	 *         naming it and the setting
	 */
	MetricsAccess(MetricsProperties properties) {
		this.role = properties.role();
		this.networks = properties.allowedNetworks().stream().map(MetricsAccess::network).toList();
	}

	private static IpAddressMatcher network(String network) {
		try {
			if (ADDRESS.matcher(network).matches()) {
				return new IpAddressMatcher(network);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below, with the setting's name
		}
		throw new IllegalArgumentException("guichet.metrics.allowed-networks: '" + network
				+ "' is not an IP address or a CIDR block; write e.g. 10.1.2.0/24, 192.0.2.7 or 2001:db8::/32");
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(allows(authentication.get(), context.getRequest().getRemoteAddr()));
	}

	/**
	 * @param authentication who the caller is; null or anonymous when they sent no credentials
	 * @param remoteAddress the caller's IP address as the server sees it
	 */
	boolean allows(@Nullable Authentication authentication, String remoteAddress) {
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof CurrentUser user && user.role().includes(role)) {
			return true;
		}
		return networks.stream().anyMatch(network -> network.matches(remoteAddress));
	}

}
