package dev.retort.sample.benchmark;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;
import dev.retort.sample.OrchestratorApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Orchestrator and prints, once {@code SpringApplication.run} returns (ready
 * listeners included, so Retort's runner is counted): the JVM's uptime, the CPU time the
 * process used, and the time spent between the started and the ready events. Then exits.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	public static void main(String[] args) {
		AtomicLong started = new AtomicLong();
		SpringApplication application = new SpringApplication(OrchestratorApplication.class);
		application
			.addListeners((ApplicationListener<ApplicationStartedEvent>) (event) -> started.set(System.nanoTime()));
		ConfigurableApplicationContext context = application.run(args);
		long readyPhase = (System.nanoTime() - started.get()) / 1_000_000;
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
				/ 1_000_000;
		System.out.println("startup-ms=" + uptime + " cpu-ms=" + cpu + " ready-ms=" + readyPhase);
		System.exit(SpringApplication.exit(context));
	}

}
