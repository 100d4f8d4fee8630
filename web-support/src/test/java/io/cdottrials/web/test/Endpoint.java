package io.cdottrials.web.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One method and path pattern a service answers, as its handler mapping knows it, so that
 * a test over "every endpoint" cannot forget a new one.
 *
 * @param method the HTTP method
 * @param pattern the path pattern, e.g. {@code /api/v1/namespaces/{namespace_id}/trials}
 * @param consumesJson whether the endpoint reads a JSON body
 */
public record Endpoint(String method, String pattern, boolean consumesJson) {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	/**
	 * Every endpoint of the application's controllers, not counting the given path
	 * prefixes (the error page, springdoc's).
	 * @param mapping the application's {@code requestMappingHandlerMapping}
	 * @param excludedPrefixes path prefixes left out
	 * @return the endpoints, sorted
	 */
	public static List<Endpoint> all(RequestMappingHandlerMapping mapping, String... excludedPrefixes) {
		List<Endpoint> endpoints = new ArrayList<>();
		mapping.getHandlerMethods().keySet().forEach((info) -> add(info, endpoints, excludedPrefixes));
		endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		return endpoints;
	}

	private static void add(RequestMappingInfo info, List<Endpoint> endpoints, String[] excludedPrefixes) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		boolean json = info.getConsumesCondition().isEmpty() || info.getConsumesCondition()
			.getConsumableMediaTypes()
			.stream()
			.anyMatch((type) -> type.getSubtype().contains("json"));
		for (String pattern : info.getPatternValues()) {
			if (List.of(excludedPrefixes).stream().anyMatch(pattern::startsWith)) {
				continue;
			}
			if (methods.isEmpty()) {
				endpoints.add(new Endpoint("GET", pattern, json));
			}
			methods.forEach((method) -> endpoints.add(new Endpoint(method.name(), pattern, json)));
		}
	}

	/**
	 * The path with every variable replaced.
	 * @param value the value of a variable, by name
	 * @return the path
	 */
	public String path(java.util.function.Function<String, String> value) {
		Matcher matcher = VARIABLE.matcher(this.pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(path, Matcher.quoteReplacement(value.apply(matcher.group(1))));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	/**
	 * Whether the endpoint takes a body.
	 * @return {@code true} for POST, PUT and PATCH
	 */
	public boolean takesBody() {
		return List.of("POST", "PUT", "PATCH").contains(this.method);
	}

	@Override
	public String toString() {
		return this.method + " " + this.pattern;
	}

}
