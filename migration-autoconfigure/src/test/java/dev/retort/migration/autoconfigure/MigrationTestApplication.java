package dev.retort.migration.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

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
