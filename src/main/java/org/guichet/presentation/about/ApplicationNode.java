package org.guichet.presentation.about;

/**
 * A node running Guichet.
 *
 * @param hostName the machine's name as the node knows it
 * @param javaVersion the running Java's version ({@code Runtime.version()})
 * @param javaVendor the running Java's vendor
 * @param operatingSystem the operating system's name, version and architecture
 * @param processors the processors the Java machine may use, 1 or more
 * @param port the HTTP port it listens on, 1 to 65535
 */
public record ApplicationNode(String hostName, String javaVersion, String javaVendor, String operatingSystem,
		int processors, int port) {
}
