package org.guichet.presentation.about;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.calendars.Calendars;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.UserRepository;
import org.guichet.presentation.about.AboutReport.Disk;
import org.guichet.presentation.about.AboutReport.Feature;
import org.guichet.presentation.about.AboutReport.Memory;
import org.guichet.presentation.about.AboutReport.Prerequisites;
import org.guichet.presentation.about.AboutReport.Product;
import org.guichet.presentation.about.AboutReport.Resources;
import org.guichet.presentation.flowchart.LifecycleConfiguration;
import org.guichet.presentation.flowchart.LifecycleConfigurations;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.Macros;
import org.guichet.tickets.AttachmentVolume;
import org.guichet.tickets.Attachments;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The tool page as it is now: the product from the build's {@code META-INF/build-info.properties}
 * and {@code git.properties}, the features in use counted through their modules' public API (the
 * lifecycle's through {@link LifecycleConfigurations}, as the flowchart reads them), the
 * deployment and its topology, the resources measured on this node.
 */
@Service
public class AboutReports {

	/** What Guichet is, in the industry's words. */
	public static final String PRODUCT_TYPE = "ITSM service desk";

	private static final String PRODUCT_NAME = "Guichet";

	private final LifecycleConfigurations lifecycle;

	private final UserRepository users;

	private final CannedReplies cannedReplies;

	private final Macros macros;

	private final Calendars calendars;

	private final Attachments attachments;

	private final DeploymentReader deployment;

	private final ObjectProvider<BuildProperties> build;

	private final ObjectProvider<GitProperties> git;

	private final MessageSource messages;

	private final Clock clock;

	AboutReports(LifecycleConfigurations lifecycle, UserRepository users, CannedReplies cannedReplies, Macros macros,
			Calendars calendars, Attachments attachments, DeploymentReader deployment,
			ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git, MessageSource messages,
			Clock clock) {
		this.lifecycle = lifecycle;
		this.users = users;
		this.cannedReplies = cannedReplies;
		this.macros = macros;
		this.calendars = calendars;
		this.attachments = attachments;
		this.deployment = deployment;
		this.build = build;
		this.git = git;
		this.messages = messages;
		this.clock = clock;
	}

	/** Everything the page shows, measured now. */
	public AboutReport current() {
		LifecycleConfiguration configuration = lifecycle.current();
		Deployment deployed = deployment.read(configuration.channels());
		return new AboutReport(product(), features(configuration), deployed, resources(deployed), prerequisites(),
				clock.instant());
	}

	/**
	 * The deployment's topology diagram as SVG, its texts in {@code locale}'s language.
	 *
	 * @param maxWidth the widest it may be shown, in pixels (scaled down to it), null for its own size
	 */
	public String topologySvg(Deployment deployed, Locale locale, @Nullable Double maxWidth) {
		AboutTexts texts = new AboutTexts(messages, locale);
		return TopologySvg.draw(TopologyLayout.layout(TopologyBuilder.build(deployed), texts), texts, maxWidth);
	}

	private Product product() {
		BuildProperties built = build.getIfAvailable();
		GitProperties commit = git.getIfAvailable();
		return new Product(built == null || built.getName() == null ? PRODUCT_NAME : built.getName(), PRODUCT_TYPE,
				built == null ? null : built.get("licence"), built == null ? null : built.getVersion(),
				built == null ? null : built.getTime(), commit == null ? null : commit.getShortCommitId(),
				commit == null ? null : commit.getCommitTime());
	}

	private List<Feature> features(LifecycleConfiguration configuration) {
		List<Feature> features = new ArrayList<>();
		features.add(new Feature("channels", configuration.channels().size()));
		features.add(new Feature("categories", configuration.categoryCount()));
		for (SupportLevel level : SupportLevel.values()) {
			features.add(new Feature("groups." + level.name(), configuration.groupsOf(level)));
		}
		features.add(new Feature("routing-rules", configuration.routingRuleCount()));
		features.add(new Feature("sla-policies", configuration.slaPolicyCount()));
		features.add(new Feature("escalation-levels", configuration.escalationLevelCount()));
		features.add(new Feature("calendars", calendars.list().size()));
		features.add(new Feature("canned-replies", cannedReplies.count()));
		features.add(new Feature("macros", macros.count()));
		for (Role role : Role.values()) {
			features.add(new Feature("users." + role.name(), users.countByRoleAndActiveTrue(role)));
		}
		return features;
	}

	private Resources resources(Deployment deployed) {
		Runtime runtime = Runtime.getRuntime();
		long max = runtime.maxMemory();
		Memory memory = new Memory(runtime.totalMemory() - runtime.freeMemory(), runtime.totalMemory(),
				max == Long.MAX_VALUE ? null : max);
		AttachmentVolume volume = attachments.volume();
		Path data = deployment.dataDirectory();
		File measured = existing(data).toFile();
		Disk disk = new Disk(deployment.databaseBytes(deployed.database()), volume.files(), volume.bytes(),
				data.toString(), measured.getUsableSpace(), measured.getTotalSpace());
		return new Resources(runtime.availableProcessors(), memory, disk);
	}

	/** The folder itself, or its nearest parent that exists (before the first start creates it). */
	private static Path existing(Path folder) {
		Path path = folder;
		while (path.getParent() != null && !Files.exists(path)) {
			path = path.getParent();
		}
		return path;
	}

	private Prerequisites prerequisites() {
		BuildProperties built = build.getIfAvailable();
		return new Prerequisites(property(built, "java.version"), Runtime.version().toString(),
				property(built, "h2.version"), AboutReport.POSTGRESQL_MINIMUM);
	}

	private static @Nullable String property(@Nullable BuildProperties built, String key) {
		return built == null ? null : built.get(key);
	}

}
