package dev.retort.migration.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.retort.migration.autoconfigure.MigrationAutoConfiguration;
import dev.retort.migration.autoconfigure.MigrationProperties;
import dev.retort.migration.autoconfigure.MigrationRuns;
import dev.retort.migration.engine.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code migrations} health indicator: one per
 * {@link Migrator}, grouped by bean name when there are several.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ Migrator.class, MigrationRuns.class })
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthContributor")
	HealthContributor migrationsHealthContributor(ListableBeanFactory beanFactory, MigrationRuns runs,
			MigrationProperties properties) {
		Status pending = new Status(properties.getHealth().getPendingStatus());
		Map<String, HealthContributor> indicators = new LinkedHashMap<>();
		beanFactory.getBeansOfType(Migrator.class)
			.forEach((name, migrator) -> indicators.put(name,
					new MigrationHealthIndicator(migrator, name, runs, pending)));
		if (indicators.size() == 1) {
			return indicators.values().iterator().next();
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

}
