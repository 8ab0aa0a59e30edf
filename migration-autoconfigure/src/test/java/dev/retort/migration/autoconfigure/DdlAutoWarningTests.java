package dev.retort.migration.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warning when Hibernate would change the schema that Retort manages.
 */
@ExtendWith(OutputCaptureExtension.class)
class DdlAutoWarningTests {

	@Test
	void ddlAutoUpdateIsWarnedAbout(CapturedOutput output) {
		new DdlAutoWarning(false).customize(new HashMap<>(Map.of("hibernate.hbm2ddl.auto", "update")));
		assertThat(output).contains("Hibernate's hibernate.hbm2ddl.auto is 'update' while Retort manages")
			.contains("Hibernate changes or checks the schema at every start")
			.contains("spring.jpa.hibernate.ddl-auto=none");
	}

	@Test
	void ddlAutoValidateIsWarnedAbout(CapturedOutput output) {
		new DdlAutoWarning(false).customize(new HashMap<>(Map.of("hibernate.hbm2ddl.auto", "validate")));
		assertThat(output).contains("is 'validate' while Retort manages");
	}

	@Test
	void aMigrateCommandTurnsTheSchemaChangingSettingsOffAndSaysSo(CapturedOutput output) {
		Map<String, Object> properties = new HashMap<>(Map.of("hibernate.hbm2ddl.auto", "create-drop",
				"jakarta.persistence.schema-generation.database.action", "update", "hibernate.show_sql", "true"));

		new DdlAutoWarning(true).customize(properties);

		assertThat(properties).containsEntry("hibernate.hbm2ddl.auto", "none")
			.containsEntry("jakarta.persistence.schema-generation.database.action", "none")
			.containsEntry("hibernate.show_sql", "true");
		assertThat(output)
			.contains("Hibernate's hibernate.hbm2ddl.auto is 'create-drop': turned off for this migrate "
					+ "command, which must see the database as the revisions left it")
			.contains("is 'update': turned off for this migrate command");
	}

	@Test
	void ddlAutoNoneIsQuiet(CapturedOutput output) {
		new DdlAutoWarning(false).customize(new HashMap<>(Map.of("hibernate.hbm2ddl.auto", "none")));
		assertThat(output).doesNotContain("Retort manages");
	}

}
