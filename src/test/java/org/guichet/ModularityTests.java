package org.guichet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GuichetApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void ticketsDependOnNoWorkflowModule() {
		ApplicationModule tickets = modules.getModuleByName("tickets").orElseThrow();
		assertThat(tickets.getDirectDependencies(modules).stream().map(dependency -> dependency.getTargetModule().getIdentifier()))
			.extracting(Object::toString)
			.allMatch(name -> name.equals("directory") || name.equals("system"));
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
