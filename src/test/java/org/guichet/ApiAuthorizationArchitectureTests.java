package org.guichet;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST endpoint says who may call it, with {@code @PreAuthorize} on the method or its
 * class; an endpoint open to any signed-in user says so with {@code isAuthenticated()}. Read by
 * reflection from the compiled controllers (a class-path scan, in a second), not by importing the
 * whole code base's bytecode.
 */
class ApiAuthorizationArchitectureTests {

	@Test
	void everyApiEndpointDeclaresWhoMayCallIt() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<String> undeclared = new ArrayList<>();
		int endpoints = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.guichet")) {
			Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			if (!controller.getPackageName().matches("org\\.guichet\\..*\\.api(\\..*)?")) {
				continue;
			}
			for (Method method : controller.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				endpoints++;
				if (!method.isAnnotationPresent(PreAuthorize.class) && !controller.isAnnotationPresent(PreAuthorize.class)) {
					undeclared.add(controller.getName() + "." + method.getName()
							+ " does not declare who may call it (@PreAuthorize)");
				}
			}
		}
		assertThat(endpoints).as("REST endpoints found under org.guichet..api..").isGreaterThan(100);
		assertThat(undeclared).isEmpty();
	}

}
