package org.guichet.system;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestMethodArgumentResolver;
import org.springframework.web.util.UriUtils;

/**
 * Refuses a query parameter the API's operation does not declare, rather than ignoring it: a
 * client that filters with a parameter the operation does not know ({@code GET /api/v1/users?q=bob})
 * would otherwise take everything for the answer to its question. 400 {@code request.parameter-unknown}
 * naming the parameter ({@code field}) and listing those the operation takes. What an operation
 * declares is what the OpenAPI description shows: its handler's {@link RequestParam}s (a map of
 * them takes any), and the query {@link Parameter}s annotated on the handler, also through an
 * annotation of its own ({@code @TicketFilterParameters}), for a handler that reads them from the
 * request. Only the query string is read: the form fields of a body are the body's.
 */
final class UndeclaredParameters implements HandlerInterceptor {

	/** What a handler takes from the request itself (its locale, time zone…), not from a parameter. */
	private static final ServletRequestMethodArgumentResolver REQUEST_ITSELF = new ServletRequestMethodArgumentResolver();

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	/** The parameters each handler declares; empty for one that takes any. */
	private final Map<Method, Optional<Set<String>>> declared = new ConcurrentHashMap<>();

	/**
	 * @throws InvalidInputException on the first parameter of the query string that the handler
	 *         does not declare ({@code request.parameter-unknown}, its name and the accepted ones)
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null
				|| !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
			return true;
		}
		Optional<Set<String>> accepted = declared.computeIfAbsent(method.getMethod(), key -> declaredBy(method));
		if (accepted.isEmpty()) {
			return true;
		}
		for (String pair : request.getQueryString().split("&")) {
			String name = name(pair);
			if (!name.isEmpty() && !accepted.get().contains(name)) {
				String list = accepted.get().isEmpty() ? "-" : String.join(", ", accepted.get());
				throw new InvalidInputException(name, "request.parameter-unknown",
						"This operation takes no parameter " + name + "; it takes: " + list, name, list);
			}
		}
		return true;
	}

	/** The query parameters {@code method} declares, in alphabetical order; empty when it takes any. */
	static Optional<Set<String>> declaredBy(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter handlerParameter : method.getMethodParameters()) {
			MethodParameter parameter = handlerParameter.clone();
			parameter.initParameterNameDiscovery(NAMES);
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
				return Optional.empty();
			}
			if (param != null) {
				String given = StringUtils.hasText(param.name()) ? param.name() : param.value();
				names.add(StringUtils.hasText(given) ? given : String.valueOf(parameter.getParameterName()));
			}
			else if (parameter.getParameterAnnotations().length == 0 && !REQUEST_ITSELF.supportsParameter(parameter)
					&& BeanUtils.isSimpleValueType(parameter.getParameterType())) {
				// a parameter without annotation, of a simple type, is bound from the request's parameters
				names.add(String.valueOf(parameter.getParameterName()));
			}
			Parameter described = parameter.getParameterAnnotation(Parameter.class);
			if (described != null && described.in() == ParameterIn.QUERY && !described.name().isEmpty()) {
				names.add(described.name());
			}
		}
		AnnotatedElementUtils.getMergedRepeatableAnnotations(method.getMethod(), Parameter.class, Parameters.class)
			.stream()
			.filter(described -> described.in() == ParameterIn.QUERY)
			.forEach(described -> names.add(described.name()));
		return Optional.of(names);
	}

	private static String name(String pair) {
		int equals = pair.indexOf('=');
		String encoded = equals < 0 ? pair : pair.substring(0, equals);
		try {
			return UriUtils.decode(encoded.replace('+', ' '), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return encoded;
		}
	}

}
