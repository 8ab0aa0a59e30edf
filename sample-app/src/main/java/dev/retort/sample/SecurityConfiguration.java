package dev.retort.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Everything stays open except running migrations: {@code POST /actuator/migrations}
 * needs the ADMIN role (HTTP basic, user from {@code spring.security.user.*}).
 */
@Configuration(proxyBeanMethods = false)
// `migrate` commands run without the web server, so there is no HttpSecurity to build
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Environment environment) throws Exception {
		if (environment.getProperty("orchestrator.admin-password-required", Boolean.class, false)
				&& !StringUtils.hasText(environment.getProperty("spring.security.user.password"))) {
			throw new IllegalStateException("Set ADMIN_PASSWORD: the prod profile's web server needs a password for "
					+ "the admin user (migrate commands run without it).");
		}
		RequestMatcher post = (request) -> HttpMethod.POST.matches(request.getMethod());
		RequestMatcher runMigrations = new AndRequestMatcher(EndpointRequest.to("migrations"), post);
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(runMigrations).hasRole("ADMIN").anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			// a stateless JSON API authenticated per request: no session, so no CSRF
			// token
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
