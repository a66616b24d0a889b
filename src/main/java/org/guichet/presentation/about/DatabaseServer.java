package org.guichet.presentation.about;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The database of a deployment, as its JDBC connection describes it.
 *
 * @param kind what kind of database, from the URL
 * @param product the product's name as the driver gives it ("H2", "PostgreSQL")
 * @param version the product's version as the server gives it
 * @param url the JDBC URL without user name nor password
 * @param location the H2 file's path (without its {@code .mv.db} ending), the in-memory database's
 * name, or the server's {@code host:port/database}; null when the URL does not say
 */
public record DatabaseServer(DatabaseKind kind, String product, String version, String url, @Nullable String location) {

	private static final Pattern CREDENTIAL = Pattern.compile("(?i)[?&;](user|password|sslpassword)=[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

	/**
	 * The database told by a connection's metadata.
	 *
	 * @param product {@code DatabaseMetaData.getDatabaseProductName()}
	 * @param version {@code DatabaseMetaData.getDatabaseProductVersion()}
	 * @param jdbcUrl {@code DatabaseMetaData.getURL()}, credentials and all: they are removed here
	 */
	public static DatabaseServer of(String product, String version, String jdbcUrl) {
		String url = withoutCredentials(jdbcUrl);
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:mem:")) {
			return new DatabaseServer(DatabaseKind.H2_MEMORY, product, version, url, beforeSettings(url, "jdbc:h2:mem:"));
		}
		if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
			return new DatabaseServer(DatabaseKind.H2_SERVER, product, version, url,
					beforeSettings(url, url.substring(0, "jdbc:h2:tcp:".length())).replaceFirst("^//", ""));
		}
		if (lower.startsWith("jdbc:h2:")) {
			String path = beforeSettings(url, lower.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : "jdbc:h2:");
			return new DatabaseServer(DatabaseKind.H2_FILE, product, version, url, path);
		}
		if (lower.startsWith("jdbc:postgresql:")) {
			String rest = url.substring("jdbc:postgresql:".length()).replaceFirst("^//", "");
			int query = rest.indexOf('?');
			return new DatabaseServer(DatabaseKind.POSTGRESQL, product, version, url,
					query < 0 ? rest : rest.substring(0, query));
		}
		return new DatabaseServer(DatabaseKind.OTHER, product, version, url, null);
	}

	/** {@code jdbcUrl} without its {@code user}, {@code password} parameters nor {@code user:password@} part. */
	static String withoutCredentials(String jdbcUrl) {
		String url = USER_INFO.matcher(jdbcUrl).replaceFirst("//");
		url = CREDENTIAL.matcher(url).replaceAll(match -> match.group().charAt(0) == '?' ? "?" : "");
		return url.replace("?&", "?").replaceFirst("\\?$", "");
	}

	private static String beforeSettings(String url, String prefix) {
		String rest = url.substring(prefix.length());
		int settings = rest.indexOf(';');
		return settings < 0 ? rest : rest.substring(0, settings);
	}

}
