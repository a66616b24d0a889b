package org.guichet.directory.ldap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.naming.directory.SearchControls;

import org.jspecify.annotations.Nullable;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.control.PagedResultsDirContextProcessor;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/**
 * The LDAP directory or Active Directory as Guichet reads it: a person's password checked by a
 * bind as that person (Spring Security's {@link BindAuthenticator}), people and groups read with
 * the service account, searches of the whole directory a page at a time. Every failure to reach
 * or read the directory is a {@link DirectoryUnavailableException}, never an empty answer.
 */
class LdapDirectory {

	/** JNDI's name for the attributes it must return as bytes (Active Directory's objectGUID). */
	private static final String BINARY_ATTRIBUTES = "java.naming.ldap.attributes.binary";

	private final LdapSettings settings;

	private final DefaultSpringSecurityContextSource contextSource;

	private final LdapTemplate template;

	private final BindAuthenticator authenticator;

	private final String[] personAttributes;

	LdapDirectory(LdapSettings settings) {
		this.settings = settings;
		contextSource = new DefaultSpringSecurityContextSource(settings.urls(), settings.baseDn());
		if (settings.bindDn().isBlank()) {
			contextSource.setAnonymousReadOnly(true);
		}
		else {
			contextSource.setUserDn(settings.bindDn());
			contextSource.setPassword(settings.bindPassword());
		}
		Map<String, Object> environment = new HashMap<>();
		environment.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(settings.connectTimeout().toMillis()));
		environment.put("com.sun.jndi.ldap.read.timeout", String.valueOf(settings.readTimeout().toMillis()));
		if ("objectGUID".equalsIgnoreCase(settings.attributes().id())) {
			environment.put(BINARY_ATTRIBUTES, settings.attributes().id());
		}
		contextSource.setBaseEnvironmentProperties(environment);
		contextSource.afterPropertiesSet();
		template = new LdapTemplate(contextSource);
		template.setIgnorePartialResultException(true);
		template.setIgnoreSizeLimitExceededException(false);
		LdapSettings.Attributes names = settings.attributes();
		personAttributes = Stream
			.of(names.username(), names.id(), names.fullName(), names.email(), names.phone(), names.department(),
					names.location(), names.manager(), names.language())
			.filter(name -> !name.isBlank())
			.distinct()
			.toArray(String[]::new);
		FilterBasedLdapUserSearch search = new FilterBasedLdapUserSearch(settings.userSearchBase(),
				settings.userSearchFilter(), contextSource);
		search.setSearchTimeLimit((int) settings.readTimeout().toMillis());
		authenticator = new BindAuthenticator(contextSource);
		authenticator.setUserSearch(search);
		authenticator.setUserAttributes(new String[] { "1.1" });
	}

	/**
	 * Checks a password by a bind as the person found by the user search, then reads them.
	 *
	 * @return the person, read with the service account
	 * @throws BadCredentialsException when nobody has that user name or the password is not theirs
	 * @throws DirectoryUnavailableException when the directory cannot be reached or read
	 */
	DirectoryPerson authenticate(String username, String password) {
		DirContextOperations entry;
		try {
			entry = authenticator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		}
		catch (AuthenticationException ex) {
			throw new BadCredentialsException("Wrong user name or password", ex);
		}
		catch (RuntimeException ex) {
			throw new DirectoryUnavailableException(ex);
		}
		// a search, not a lookup: a lookup's entry knows its DN relative to the base only
		DirectoryPerson person = read(() -> template
			.search(entry.getDn().toString(), "(objectClass=*)", SearchControls.OBJECT_SCOPE, personAttributes,
					personMapper())
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null));
		if (person == null) {
			throw new BadCredentialsException("The entry " + entry.getDn() + " has no user name");
		}
		return person;
	}

	/**
	 * The groups a person is a direct member of, among those the group search selects.
	 *
	 * @param personDn the person's full DN
	 * @return the groups' normalised DNs ({@link DistinguishedNames#normalise})
	 */
	Set<String> groupsOf(String personDn) {
		String filter = "(&" + settings.groupSearchFilter() + "(" + settings.groupMemberAttribute() + "="
				+ LdapEncoder.filterEncode(personDn) + "))";
		return read(() -> new HashSet<>(template.search(settings.groupSearchBase(), filter,
				SearchControls.SUBTREE_SCOPE, new String[] { "1.1" },
				(ContextMapper<String>) context -> DistinguishedNames
					.normalise(((DirContextAdapter) context).getNameInNamespace()))));
	}

	/**
	 * The members of the groups the mappings name, by the normalised DN of each member; the group
	 * search is read whole, a page at a time.
	 *
	 * @return for each member's normalised DN, the normalised DNs of their mapped groups
	 */
	Map<String, Set<String>> memberships(GroupMappings mappings) {
		Map<String, Set<String>> members = new HashMap<>();
		searchInPages(settings.groupSearchBase(), settings.groupSearchFilter(),
				new String[] { settings.groupMemberAttribute() }, (ContextMapper<String>) found -> {
					DirContextAdapter context = (DirContextAdapter) found;
					String groupDn = DistinguishedNames.normalise(context.getNameInNamespace());
					if (mappings.mapped(groupDn)) {
						String[] values = context.getStringAttributes(settings.groupMemberAttribute());
						for (String member : values == null ? new String[0] : values) {
							members.computeIfAbsent(DistinguishedNames.normalise(member), dn -> new HashSet<>()).add(groupDn);
						}
					}
					return groupDn;
				}, page -> {
				});
		return members;
	}

	/**
	 * Reads every person the synchronisation filter selects, a page at a time; an entry without a
	 * user name is left out.
	 *
	 * @param pages told each page in turn
	 * @throws DirectoryUnavailableException when a page cannot be read: the pages before it were told
	 */
	void people(Consumer<List<DirectoryPerson>> pages) {
		searchInPages(settings.userSearchBase(), settings.userSyncFilter(), personAttributes, personMapper(),
				page -> pages.accept(page.stream().filter(java.util.Objects::nonNull).toList()));
	}

	private <T> void searchInPages(String base, String filter, String[] attributes, ContextMapper<T> mapper,
			Consumer<List<T>> pages) {
		SearchControls controls = new SearchControls();
		controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
		controls.setReturningAttributes(attributes);
		controls.setTimeLimit((int) settings.readTimeout().toMillis());
		read(() -> SingleContextSource.doWithSingleContext(contextSource, (LdapOperations operations) -> {
			PagedResultsDirContextProcessor processor = new PagedResultsDirContextProcessor(settings.pageSize());
			do {
				pages.accept(operations.search(base, filter, controls, mapper, processor));
			}
			while (processor.hasMore());
			return null;
		}, true, false, false));
	}

	private ContextMapper<DirectoryPerson> personMapper() {
		LdapSettings.Attributes names = settings.attributes();
		return context -> {
			DirContextAdapter entry = (DirContextAdapter) context;
			String dn = entry.getNameInNamespace();
			String username = text(entry, names.username());
			if (username == null) {
				return null;
			}
			String id = identifier(entry, names.id());
			String fullName = text(entry, names.fullName());
			return new DirectoryPerson(id == null ? DistinguishedNames.normalise(dn) : id, dn, username,
					fullName == null ? username : fullName, text(entry, names.email()), text(entry, names.phone()),
					text(entry, names.department()), text(entry, names.location()), text(entry, names.manager()),
					language(text(entry, names.language())));
		};
	}

	private static @Nullable String text(DirContextOperations entry, String attribute) {
		if (attribute.isBlank()) {
			return null;
		}
		String value = entry.getStringAttribute(attribute);
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The identifier's text: a 16-byte value (objectGUID) as the UUID it is, any other as text. */
	private static @Nullable String identifier(DirContextOperations entry, String attribute) {
		if (attribute.isBlank()) {
			return null;
		}
		Object value = entry.getObjectAttribute(attribute);
		if (value instanceof byte[] bytes) {
			return bytes.length == 16 ? guid(bytes) : java.util.HexFormat.of().formatHex(bytes);
		}
		return value == null ? null : value.toString();
	}

	/** Active Directory's GUID as its UUID text: the first three groups are stored little-endian. */
	static String guid(byte[] b) {
		int[] order = { 3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15 };
		StringBuilder text = new StringBuilder(36);
		for (int index : order) {
			if (index < 0) {
				text.append('-');
			}
			else {
				text.append(String.format("%02x", b[index] & 0xff));
			}
		}
		return text.toString();
	}

	/** {@code fr} or {@code en} from a language tag or an RFC 2068 list ({@code fr-FR, en;q=0.8}). */
	private static @Nullable String language(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String first = value.split("[,;]")[0].strip().toLowerCase(Locale.ROOT);
		String primary = first.split("[-_]")[0];
		return "fr".equals(primary) || "en".equals(primary) ? primary : null;
	}

	private static <T> T read(java.util.function.Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (DirectoryUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new DirectoryUnavailableException(ex);
		}
	}

}
