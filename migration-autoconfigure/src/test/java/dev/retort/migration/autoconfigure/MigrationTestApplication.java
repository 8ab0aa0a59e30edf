package dev.retort.migration.autoconfigure;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
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
class MigrationTestApplication {

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
	static class ExitRecorder implements ApplicationExit {

		final List<Integer> codes = new CopyOnWriteArrayList<>();

		@Override
		public void exit(org.springframework.context.ConfigurableApplicationContext context, int code) {
			this.codes.add(code);
		}

	}

	/** Records every readiness state published, in order. */
	static class ReadinessRecorder implements ApplicationListener<AvailabilityChangeEvent<?>> {

		final List<ReadinessState> states = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
			AvailabilityState state = event.getState();
			if (state instanceof ReadinessState readiness) {
				this.states.add(readiness);
			}
		}

	}

}
