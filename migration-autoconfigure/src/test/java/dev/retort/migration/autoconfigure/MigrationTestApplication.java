package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An application with nothing but Retort's auto-configuration (and JDBC, actuator, MVC):
 * it records readiness changes and exit requests instead of exiting.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class MigrationTestApplication {

	private static final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Starts the application on a free port with the {@code health} and
	 * {@code migrations} endpoints exposed and health details shown, then
	 * {@code properties}.
	 */
	public static ConfigurableApplicationContext start(List<String> profiles, Map<String, ?> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("management.endpoints.web.exposure.include", "health,migrations");
		all.put("management.endpoint.health.show-details", "always");
		all.putAll(properties);
		SpringApplication application = new SpringApplication(MigrationTestApplication.class);
		application.setDefaultProperties(all);
		application.setAdditionalProfiles(profiles.toArray(String[]::new));
		return application.run();
	}

	/**
	 * Sends a request to the started application: a GET without a body, otherwise a POST
	 * of JSON, as {@code user} with {@code roles} (comma-separated), anonymously when the
	 * user is null.
	 */
	public static HttpResponse<String> send(ConfigurableApplicationContext app, String path, @Nullable String json,
			@Nullable String user, String roles) throws IOException, InterruptedException {
		return send(app, path, "application/json", json, user, roles);
	}

	/**
	 * Sends a request as
	 * {@link #send(ConfigurableApplicationContext, String, String, String, String)} does,
	 * with a body of the given content type.
	 */
	public static HttpResponse<String> send(ConfigurableApplicationContext app, String path, String contentType,
			@Nullable String body, @Nullable String user, String roles) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (body != null) {
			request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
		}
		if (user != null) {
			request.header("X-Test-User", user);
			if (!roles.isEmpty()) {
				request.header("X-Test-Roles", roles);
			}
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Bean
	ExitRecorder exitRecorder() {
		return new ExitRecorder();
	}

	@Bean
	ReadinessRecorder readinessRecorder() {
		return new ReadinessRecorder();
	}

	@Bean
	HeaderAuthentication headerAuthentication() {
		return new HeaderAuthentication();
	}

	/**
	 * Authenticates a request the way a servlet container does, without Spring Security:
	 * the user and roles come from the {@code X-Test-User} and {@code X-Test-Roles}
	 * headers.
	 */
	static class HeaderAuthentication extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String user = request.getHeader("X-Test-User");
			if (user == null) {
				chain.doFilter(request, response);
				return;
			}
			String header = request.getHeader("X-Test-Roles");
			Set<String> roles = (header != null) ? Set.of(header.split(",")) : Set.of();
			chain.doFilter(new HttpServletRequestWrapper(request) {

				@Override
				public Principal getUserPrincipal() {
					return () -> user;
				}

				@Override
				public boolean isUserInRole(String role) {
					return roles.contains(role);
				}

			}, response);
		}

	}

	/** Records the exit code the runner asks for, and leaves the JVM alone. */
	public static class ExitRecorder implements ApplicationExit {

		public final List<Integer> codes = new CopyOnWriteArrayList<>();

		@Override
		public void exit(ConfigurableApplicationContext context, int code) {
			this.codes.add(code);
		}

	}

	/** Records every readiness state published, in order. */
	public static class ReadinessRecorder implements ApplicationListener<AvailabilityChangeEvent<?>> {

		public final List<ReadinessState> states = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
			AvailabilityState state = event.getState();
			if (state instanceof ReadinessState readiness) {
				this.states.add(readiness);
			}
		}

	}

}
