package dev.retort.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Orchestrator: users, projects, tasks and agents, migrated by Retort.
 */
@SpringBootApplication
public class OrchestratorApplication {

	@Bean
	static SqliteDataDirectory sqliteDataDirectory() {
		return new SqliteDataDirectory();
	}

	public static void main(String[] args) {
		SpringApplication.run(OrchestratorApplication.class, args);
	}

}
