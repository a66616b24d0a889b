package org.guichet.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorNetworkTests {

	@Test
	void anIpv4AddressIsItsOwnNetwork() {
		assertThat(VisitorNetwork.of("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(VisitorNetwork.of("203.0.113.8")).isNotEqualTo(VisitorNetwork.of("203.0.113.7"));
	}

	@Test
	void everyIpv6AddressOfOneSlash64IsOneNetworkHoweverWritten() {
		String network = VisitorNetwork.of("2001:db8:0:1::1");
		assertThat(network).isEqualTo("2001:db8:0:1::/64");
		assertThat(VisitorNetwork.of("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).isEqualTo(network);
		assertThat(VisitorNetwork.of("[2001:db8:0:1:a:b:c:d]")).isEqualTo(network);
		assertThat(VisitorNetwork.of("2001:DB8:0:1::2%eth0")).isEqualTo(network);
	}

	@Test
	void theNextSlash64IsAnotherNetwork() {
		assertThat(VisitorNetwork.of("2001:db8:0:2::1")).isEqualTo("2001:db8:0:2::/64");
	}

	@Test
	void anIpv4AddressMappedIntoIpv6IsThatIpv4Address() {
		assertThat(VisitorNetwork.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void whatIsNoAddressIsKeptAsGiven() {
		assertThat(VisitorNetwork.of("not:an:address")).isEqualTo("not:an:address");
		assertThat(VisitorNetwork.of("")).isEmpty();
	}

}
