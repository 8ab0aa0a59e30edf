package dev.retort.migration.actuate;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a {@code POST /actuator/migrations} before Actuator reads it when its URL has a
 * query string: Actuator merges query parameters into the operation's arguments over the
 * body's, so {@code ?command=downgrade} would turn the body's upgrade into a downgrade.
 * The command goes in the JSON body only.
 */
final class MigrationsEndpointRequestCheck extends OncePerRequestFilter {

	private final UrlPathHelper paths = new UrlPathHelper();

	private final Supplier<@Nullable String> endpointPath;

	/**
	 * @param endpointPath the endpoint's path within the application (e.g.
	 * {@code /actuator/migrations}), or null when it is not mapped
	 */
	MigrationsEndpointRequestCheck(Supplier<@Nullable String> endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = this.endpointPath.get();
		return path == null || !"POST".equals(request.getMethod())
				|| !path.equals(this.paths.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !query.isEmpty()) {
			String path = this.endpointPath.get();
			MigrationsEndpointBodyErrors.write(response, HttpServletResponse.SC_BAD_REQUEST,
					"Nothing was changed: POST " + path + " takes command, target, purge and migrator in the JSON "
							+ "body only, and this request's URL has a query string" + listed(names(query))
							+ ". Send the request to " + path + " without one, with everything in the body, e.g. "
							+ "{\"command\":\"upgrade\",\"target\":\"heads\"}.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static String listed(Set<String> names) {
		return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
	}

	/** The names of a query string's parameters, sorted. */
	private static Set<String> names(String query) {
		Set<String> names = new TreeSet<>();
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			try {
				name = URLDecoder.decode(name, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// a malformed escape: the name as sent says enough
			}
			if (!name.isEmpty()) {
				names.add((name.length() > 40) ? name.substring(0, 40) + "…" : name);
			}
		}
		return names;
	}

}
