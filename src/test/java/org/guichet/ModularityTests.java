package org.guichet;

import java.util.List;

import org.guichet.testing.TestSweep;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(GuichetApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
		modules.verify();
	}

	/**
	 * {@code text} (the Markdown renderer) and {@code search} (the analysis and the SPI through which
	 * the tickets are found) are leaves every module may use, not workflows.
	 */
	@Test
	void ticketsDependOnNoWorkflowModule() {
		ApplicationModule tickets = modules.getModuleByName("tickets").orElseThrow();
		assertThat(tickets.getDirectDependencies(modules).stream().map(dependency -> dependency.getTargetModule().getIdentifier()))
			.extracting(Object::toString)
			.allMatch(name -> name.equals("directory") || name.equals("system") || name.equals("text")
					|| name.equals("search"));
	}

	/**
	 * Reporting reads the other modules' published read models; nothing may build on its figures,
	 * except presentation, which only shows them (the presentation pack's KPI summary), and the demo
	 * data, which sets the demo desk's targets as an administrator would; nothing depends on either.
	 */
	@Test
	void noModuleDependsOnReporting() {
		List<String> leaves = List.of("presentation", "demo");
		assertThat(modules.stream()
			.filter(module -> !module.getIdentifier().toString().equals("reporting"))
			.filter(module -> !leaves.contains(module.getIdentifier().toString()))
			.flatMap(module -> module.getDirectDependencies(modules).stream())
			.map(dependency -> dependency.getTargetModule().getIdentifier().toString()))
			.doesNotContain("reporting")
			.doesNotContainAnyElementsOf(leaves);
	}

	/** The diagrams are for reading, not a check: written in the full sweep ({@code -Pfull}) only. */
	@Test
	void writesTheModuleDocumentation() {
		assumeTrue(TestSweep.full(), "the module diagrams are written by the full sweep (-Pfull)");
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
