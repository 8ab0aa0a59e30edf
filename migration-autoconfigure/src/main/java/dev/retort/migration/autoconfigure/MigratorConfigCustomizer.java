package dev.retort.migration.autoconfigure;

import dev.retort.migration.engine.MigratorConfig;

/**
 * Adjusts the {@link MigratorConfig} of the auto-configured
 * {@link dev.retort.migration.engine.Migrator} in code, after {@code migrations.*}
 * properties are applied. Customizers run in {@link org.springframework.core.Ordered}
 * order.
 */
@FunctionalInterface
public interface MigratorConfigCustomizer {

	/**
	 * Returns the configuration to use, usually a copy of {@code config} made with its
	 * {@code with…} methods.
	 * @param config the configuration so far
	 * @return the configuration to use
	 */
	MigratorConfig customize(MigratorConfig config);

}
