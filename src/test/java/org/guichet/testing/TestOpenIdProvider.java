package org.guichet.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider in the test's JVM (Spring Security's authorization server) on a free
 * port of {@code localhost}, for the single sign-on tests: one confidential client that must use
 * PKCE, people who log in with a form ({@code /login}), ID tokens carrying their name, e-mail
 * address and whether it is verified, and RP-initiated logout. A Spring context of its own, with no
 * auto-configuration and nothing of Guichet's. Guichet must be reached at {@code 127.0.0.1}: the
 * provider refuses {@code localhost} redirect URIs, and the two hosts keep their cookies apart.
 */
public final class TestOpenIdProvider implements AutoCloseable {

	public static final String CLIENT_ID = "guichet";

	public static final String CLIENT_SECRET = "guichet-client-secret";

	/** The provider's login form's session cookie, apart from Guichet's {@code JSESSIONID}. */
	public static final String COOKIE = "PROVIDERSESSION";

	/** A person the provider knows, and what its ID tokens say of them. */
	public record Person(String username, String password, String name, String email, boolean emailVerified,
			String subject) {
	}

	private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();

	private static volatile String redirectUris = "";

	private final int port;

	private final AnnotationConfigServletWebServerApplicationContext context;

	private TestOpenIdProvider(int port, AnnotationConfigServletWebServerApplicationContext context) {
		this.port = port;
		this.context = context;
	}

	/**
	 * Starts a provider whose client may be sent back to Guichet on that port.
	 *
	 * @param guichetPort the port of Guichet, reached at {@code http://127.0.0.1:<port>}
	 */
	public static TestOpenIdProvider start(int guichetPort) {
		int port = LocalServers.freePort();
		redirectUris = "http://127.0.0.1:" + guichetPort;
		AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
		context.registerBean("issuer", String.class, () -> "http://localhost:" + port);
		context.registerBean(TomcatServletWebServerFactory.class, () -> {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(port);
			factory.getSettings().getSession().getCookie().setName(COOKIE);
			// the endpoints are filters: Tomcat runs them only for a request some servlet maps
			factory.setRegisterDefaultServlet(true);
			return factory;
		});
		context.register(Provider.class);
		context.refresh();
		return new TestOpenIdProvider(port, context);
	}

	/** The issuer, e.g. {@code http://localhost:40123}. */
	public String issuer() {
		return "http://localhost:" + port;
	}

	/**
	 * Adds a person, or replaces the one of the same user name.
	 *
	 * @return the person, with a subject of their own
	 */
	public Person person(String username, String name, String email, boolean emailVerified) {
		return person(username, name, email, emailVerified, UUID.randomUUID().toString());
	}

	/** As {@link #person(String, String, String, boolean)}, with that subject. */
	public Person person(String username, String name, String email, boolean emailVerified, String subject) {
		Person person = new Person(username, username + "-provider-password", name, email, emailVerified, subject);
		PEOPLE.put(username, person);
		InMemoryUserDetailsManager users = context.getBean(InMemoryUserDetailsManager.class);
		if (users.userExists(username)) {
			users.deleteUser(username);
		}
		users.createUser(User.withUsername(username).password("{noop}" + person.password()).roles("USER").build());
		return person;
	}

	@Override
	public void close() {
		context.close();
	}

	/** A test configuration, so that Guichet's tests never scan it into their own context. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class Provider {

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
			http.securityMatcher(server.getEndpointsMatcher())
				.with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager();
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId("guichet")
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(redirectUris + "/login/sso/callback")
				.postLogoutRedirectUri(redirectUris + "/login?logout")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.build());
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return context -> {
				Person person = PEOPLE.get(context.getPrincipal().getName());
				if (person != null && "id_token".equals(context.getTokenType().getValue())) {
					context.getClaims()
						.subject(person.subject())
						.claim("preferred_username", person.username())
						.claim("name", person.name())
						.claim("email", person.email())
						.claim("email_verified", person.emailVerified());
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
					.keyID(UUID.randomUUID().toString())
					.build();
				return new ImmutableJWKSet<>(new JWKSet(key));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Checks the access tokens the user info endpoint is called with. */
		@Bean
		JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
			return NimbusJwtDecoder.withJwkSource(keys).build();
		}

		@Bean
		AuthorizationServerSettings settings(String issuer) {
			return AuthorizationServerSettings.builder().issuer(issuer).build();
		}

	}

}
