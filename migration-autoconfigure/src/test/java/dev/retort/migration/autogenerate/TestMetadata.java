package dev.retort.migration.autogenerate;

import java.util.List;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Hibernate boot metadata for entity classes, built as a Spring Boot application builds
 * it (Spring's physical naming strategy) but without a connection.
 */
final class TestMetadata {

	private TestMetadata() {
	}

	// the physical naming strategy Spring Boot configures by default
	@SuppressWarnings("removal")
	static Metadata build(String dialect, List<Class<?>> entities) {
		String dialectClass = dialect.equals("postgresql") ? PostgreSQLDialect.class.getName()
				: SQLiteDialect.class.getName();
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
			.applySetting(AvailableSettings.DIALECT, dialectClass)
			.applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false")
			.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
					CamelCaseToUnderscoresNamingStrategy.class.getName())
			.build();
		MetadataSources sources = new MetadataSources(registry);
		entities.forEach(sources::addAnnotatedClass);
		return sources.buildMetadata();
	}

}
