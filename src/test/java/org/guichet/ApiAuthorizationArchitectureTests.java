package org.guichet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * Every REST endpoint says who may call it, with {@code @PreAuthorize} on the method or its
 * class; an endpoint open to any signed-in user says so with {@code isAuthenticated()}.
 */
class ApiAuthorizationArchitectureTests {

	private static final JavaClasses GUICHET = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.guichet");

	@Test
	void everyApiEndpointDeclaresWhoMayCallIt() {
		methods().that()
			.areDeclaredInClassesThat()
			.resideInAPackage("..api..")
			.and()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.and()
			.areMetaAnnotatedWith(RequestMapping.class)
			.should(declareWhoMayCallThem())
			.check(GUICHET);
	}

	private static ArchCondition<JavaMethod> declareWhoMayCallThem() {
		return new ArchCondition<>("declare who may call them with @PreAuthorize") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				boolean declared = method.isAnnotatedWith(PreAuthorize.class)
						|| method.getOwner().isAnnotatedWith(PreAuthorize.class);
				events.add(new SimpleConditionEvent(method, declared,
						method.getFullName() + (declared ? " declares" : " does not declare")
								+ " who may call it (@PreAuthorize)"));
			}

		};
	}

}
