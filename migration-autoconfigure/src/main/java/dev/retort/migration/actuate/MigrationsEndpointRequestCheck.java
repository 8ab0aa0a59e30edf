package dev.retort.migration.actuate;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a {@code POST /actuator/migrations} before Actuator reads it when its URL has a
 * query string: Actuator merges query parameters into the operation's arguments over the
 * body's, so {@code ?command=downgrade} would turn the body's upgrade into a downgrade.
 * The command goes in the JSON body only. A body with a key twice is refused too: the
 * JSON parser keeps the last, so {@code "command"} twice ran the second; and so is a
 * number or a boolean where the endpoint takes a string, which the parser would turn into
 * one ({@code "target": -1} ran as {@code "-1"}).
 */
final class MigrationsEndpointRequestCheck extends OncePerRequestFilter {

	private static final String EXAMPLE = "{\"command\":\"upgrade\",\"target\":\"heads\"}";

	/**
	 * The keys whose values are strings ({@code purge} is checked as it is converted).
	 */
	private static final Set<String> STRINGS = Set.of("command", "target", "migrator");

	private final JsonFactory json = new JsonFactory();

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
		if (!isJson(request.getContentType())) {
			// the usual answer: 415, with what to send
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String problem = problem(body, this.endpointPath.get());
		if (problem != null) {
			MigrationsEndpointBodyErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, problem);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("application/json") || type.endsWith("+json");
	}

	/**
	 * What is wrong with the body's keys, or {@code null} when nothing is (or when it is
	 * not a JSON object at all, which the usual handling answers).
	 */
	private @Nullable String problem(byte[] body, @Nullable String path) {
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			Set<String> keys = new HashSet<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String key = parser.currentName();
				if (!keys.add(key)) {
					return "Nothing was changed: the request body has the key \"" + shortened(key)
							+ "\" more than once (only the last would have counted). Send each key once, e.g. "
							+ EXAMPLE + ".";
				}
				JsonToken value = parser.nextToken();
				if (STRINGS.contains(key) && value != null && value.isScalarValue() && value != JsonToken.VALUE_STRING
						&& value != JsonToken.VALUE_NULL) {
					boolean number = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
					String text = parser.getString();
					return MigrationsEndpointBodyErrors.wrongKind(String.valueOf(path), key,
							(number ? "a number" : "a boolean") + ", " + text,
							number ? "\"" + key + "\":\"" + text + "\"" : EXAMPLE);
				}
				parser.skipChildren();
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String shortened(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
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
				names.add(shortened(name));
			}
		}
		return names;
	}

	/** The request with its body, already read, to be read again. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
