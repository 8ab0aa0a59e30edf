package dev.retort.migration.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers a {@code POST /actuator/migrations} whose body Spring MVC cannot read (not
 * JSON, or not sent as JSON) with what to send instead, where Spring Boot's error page
 * would say only "Bad Request". Requests to other paths are left to the usual handling.
 */
final class MigrationsEndpointBodyErrors implements HandlerExceptionResolver, Ordered {

	private static final String EXAMPLE = "{\"command\":\"upgrade\",\"target\":\"heads\"}";

	/**
	 * The map key at the end of Jackson's {@code (through reference chain: …["key"])}.
	 */
	private static final Pattern REFERENCE_CHAIN_KEY = Pattern
		.compile("reference chain: [\\w.$]*Map\\[\"([A-Za-z_][\\w-]{0,40})\"\\]\\)\\s*$");

	private final UrlPathHelper paths = new UrlPathHelper();

	private final Supplier<@Nullable String> endpointPath;

	/**
	 * @param endpointPath the endpoint's path within the application (e.g.
	 * {@code /actuator/migrations}), or null when it is not mapped
	 */
	MigrationsEndpointBodyErrors(Supplier<@Nullable String> endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		String path = this.endpointPath.get();
		if (path == null || !"POST".equals(request.getMethod())
				|| !path.equals(this.paths.getPathWithinApplication(request))) {
			return null;
		}
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			String key = mismatchedKey(unreadable);
			if (key != null) {
				return answer(response, HttpServletResponse.SC_BAD_REQUEST,
						wrongKind(path, key, "an array or an object", EXAMPLE));
			}
			if (isNotAnObject(unreadable)) {
				return answer(response, HttpServletResponse.SC_BAD_REQUEST, "The request body of POST " + path
						+ " is JSON but not an object. Send a JSON object such as " + EXAMPLE + ".");
			}
			return answer(response, HttpServletResponse.SC_BAD_REQUEST,
					"The request body of POST " + path + " is not valid JSON (" + firstLine(unreadable)
							+ "). Send a JSON object such as " + EXAMPLE + ".");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return answer(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
					"POST " + path + " takes a JSON body: send it with Content-Type: application/json, e.g. "
							+ "curl -X POST -H 'Content-Type: application/json' -d '" + EXAMPLE + "'.");
		}
		return null;
	}

	@Override
	public int getOrder() {
		// before Spring MVC's own resolvers turn these into a bare 400 or 415
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static @Nullable ModelAndView answer(HttpServletResponse response, int status, String message) {
		try {
			write(response, status, message);
			return new ModelAndView();
		}
		catch (IOException ex) {
			// the client went away: let the usual handling have it
			return null;
		}
	}

	/**
	 * The answer to a value of the wrong kind: {@code kind} says what was sent (an array,
	 * a number), {@code example} what to send.
	 */
	static String wrongKind(String path, String key, String kind, String example) {
		return "The value of \"" + key + "\" in the request body of POST " + path + " is " + kind + ". Send "
				+ (key.equals("purge") ? "true or false" : "a string") + ", e.g. " + example + ".";
	}

	/** Writes the endpoint's error answer, {@code {"status":…,"error":"…"}}. */
	static void write(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + json(message) + "\"}");
		response.getWriter().flush();
	}

	/**
	 * Whether the body parsed as JSON of another kind (an array, a string, a number),
	 * which the parser reports as a value it cannot turn into the endpoint's map.
	 */
	private static boolean isNotAnObject(HttpMessageNotReadableException ex) {
		Throwable cause = (ex.getMostSpecificCause() != null) ? ex.getMostSpecificCause() : ex;
		return cause.getClass().getSimpleName().equals("MismatchedInputException");
	}

	/**
	 * The key whose value the parser could not take (an array or an object where the
	 * endpoint takes a string), from the reference chain its message ends with, or
	 * {@code null} when the body itself is the problem.
	 */
	private static @Nullable String mismatchedKey(HttpMessageNotReadableException ex) {
		if (!isNotAnObject(ex)) {
			return null;
		}
		Throwable cause = (ex.getMostSpecificCause() != null) ? ex.getMostSpecificCause() : ex;
		Matcher key = REFERENCE_CHAIN_KEY.matcher(String.valueOf(cause.getMessage()));
		return key.find() ? key.group(1) : null;
	}

	/**
	 * What the JSON parser said, without the request body echoed back and without where
	 * in its own input it was ({@code at [Source: …]}, {@code (start marker at …)}).
	 */
	private static String firstLine(HttpMessageNotReadableException ex) {
		Throwable cause = (ex.getMostSpecificCause() != null) ? ex.getMostSpecificCause() : ex;
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		int end = message.length();
		for (String internal : new String[] { "\n", " at [Source:", " (start marker", " (for " }) {
			int at = message.indexOf(internal);
			if (at > 0 && at < end) {
				end = at;
			}
		}
		return message.substring(0, end).strip();
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
