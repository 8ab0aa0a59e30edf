package dev.retort.migration.autoconfigure;

import dev.retort.migration.autogenerate.AutogenerateFilter;
import dev.retort.migration.engine.Migrator;
import org.hibernate.boot.Metadata;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for autogenerate: captures the entity model while Hibernate boots,
 * and compares it with the database through an {@link Autogenerator}.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass({ HibernatePropertiesCustomizer.class, Metadata.class })
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
public final class MigrationAutogenerateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EntityModelCapture migrationEntityModelCapture() {
		return new EntityModelCapture();
	}

	/**
	 * For the application's one (or {@code @Primary}) Migrator: the entities go with the
	 * application's own DataSource.
	 */
	@Bean
	@ConditionalOnSingleCandidate(Migrator.class)
	@ConditionalOnMissingBean
	Autogenerator migrationAutogenerator(Migrator migrator, EntityModelCapture capture, MigrationProperties properties,
			ObjectProvider<AutogenerateFilter> filters, Environment environment) {
		return new Autogenerator(migrator, capture, properties, filters.orderedStream().toList(), environment);
	}

}
