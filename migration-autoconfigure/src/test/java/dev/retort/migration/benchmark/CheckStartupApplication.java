package dev.retort.migration.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application {@link AutogenerateBenchmark} starts in fresh JVMs: the generated
 * entities with JPA and Retort's auto-configuration. Started plainly it exits as soon as
 * it is ready; with {@code migrate check} the command ends it with its exit code.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(GeneratedEntities.PACKAGE)
public class CheckStartupApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(CheckStartupApplication.class, args);
		System.exit(SpringApplication.exit(context));
	}

}
