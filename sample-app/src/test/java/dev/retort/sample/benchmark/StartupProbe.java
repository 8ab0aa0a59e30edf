package dev.retort.sample.benchmark;

import java.lang.management.ManagementFactory;

import dev.retort.sample.OrchestratorApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Orchestrator, prints how long the JVM took to get through
 * {@code SpringApplication.run} (ready listeners included, so Retort's runner is
 * counted), and exits.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(OrchestratorApplication.class, args);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		System.out.println("startup-ms=" + uptime);
		System.exit(SpringApplication.exit(context));
	}

}
