package dev.retort.migration.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Warns when Hibernate is set to create, update or validate the schema that Retort
 * manages: the two would fight over it.
 */
class DdlAutoWarning implements HibernatePropertiesCustomizer {

	private static final Log logger = LogFactory.getLog(DdlAutoWarning.class);

	private static final Set<String> SCHEMA_CHANGING = Set.of("create", "create-drop", "create-only", "drop", "update",
			"validate");

	private static final String[] KEYS = { "hibernate.hbm2ddl.auto",
			"jakarta.persistence.schema-generation.database.action" };

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		for (String key : KEYS) {
			Object value = hibernateProperties.get(key);
			if (value != null && SCHEMA_CHANGING.contains(value.toString().toLowerCase(Locale.ROOT).strip())) {
				logger.warn("Hibernate's " + key + " is '" + value + "' while Retort manages this database's schema: "
						+ "Hibernate would change or check the schema behind Retort's back. "
						+ "Set spring.jpa.hibernate.ddl-auto=none and let revisions build the schema.");
			}
		}
	}

}
