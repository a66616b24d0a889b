package org.guichet.directory.ldap;

import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.ldap.LdapSettings.GroupMapping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupMappingsTests {

	private static final String AGENTS = DistinguishedNames.normalise("CN=Guichet Agents, OU=Groups, DC=example, DC=org");

	private static final String ADMINS = DistinguishedNames.normalise("cn=guichet-admins,ou=groups,dc=example,dc=org");

	private final GroupMappings mappings = new GroupMappings(List.of(
			new GroupMapping("cn=guichet-admins,ou=groups,dc=example,dc=org", Role.ADMINISTRATOR, List.of()),
			new GroupMapping("guichet agents", Role.TECHNICIAN, List.of("Service desk", "Network")),
			new GroupMapping("cn=network,ou=groups,dc=example,dc=org", null, List.of("Network"))));

	@Test
	void aGroupIsMatchedByItsDnWhateverItsSpellingOrByItsCnIgnoringCase() {
		assertThat(mappings.mapped(DistinguishedNames.normalise("CN=Guichet-Admins,ou=Groups,dc=EXAMPLE,dc=org"))).isTrue();
		assertThat(mappings.mapped(AGENTS)).isTrue();
		assertThat(mappings.mapped(DistinguishedNames.normalise("cn=others,ou=groups,dc=example,dc=org"))).isFalse();
	}

	@Test
	void aPersonInSeveralGroupsGetsTheHighestRoleAndEverySupportGroup() {
		assertThat(mappings.role(List.of(AGENTS, ADMINS))).isEqualTo(Role.ADMINISTRATOR);
		assertThat(mappings.role(List.of(AGENTS))).isEqualTo(Role.TECHNICIAN);
		assertThat(mappings.role(List.of())).isNull();
		assertThat(mappings.supportGroups(List.of(AGENTS, ADMINS))).containsExactly("Service desk", "Network");
		assertThat(mappings.supportGroups()).containsExactly("Service desk", "Network");
		assertThat(mappings.decidesRoles()).isTrue();
		assertThat(new GroupMappings(List.of(new GroupMapping("network", null, List.of("Network")))).decidesRoles())
			.isFalse();
	}

	@Test
	void activeDirectorysObjectGuidReadsAsTheUuidItShows() {
		byte[] guid = { 0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0x78, 0x56, (byte) 0x9a, (byte) 0xbc, (byte) 0xde,
				(byte) 0xf0, 0x12, 0x34, 0x56, 0x78 };
		assertThat(LdapDirectory.guid(guid)).isEqualTo("12345678-1234-5678-9abc-def012345678");
	}

}
