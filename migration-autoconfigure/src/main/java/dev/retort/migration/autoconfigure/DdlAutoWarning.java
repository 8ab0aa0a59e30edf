package dev.retort.migration.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Warns when Hibernate is set to create, update or validate the schema that Retort
 * manages: the two would fight over it. In a {@code migrate} command that setting is
 * turned off, since a command must see the database as the revisions left it: Hibernate
 * updating it first would hide the very differences {@code check}, {@code verify} and
 * {@code revision --autogenerate} are run to find, and {@code create-drop} would drop the
 * schema when the command ends.
 */
class DdlAutoWarning implements HibernatePropertiesCustomizer {

	private static final Log logger = LogFactory.getLog(DdlAutoWarning.class);

	private static final Set<String> SCHEMA_CHANGING = Set.of("create", "create-drop", "create-only", "drop", "update",
			"validate");

	private static final String[] KEYS = { "hibernate.hbm2ddl.auto",
			"jakarta.persistence.schema-generation.database.action" };

	private final boolean commandRun;

	/**
	 * @param commandRun whether this is a {@code migrate} command run, where the setting
	 * is turned off rather than only warned about
	 */
	DdlAutoWarning(boolean commandRun) {
		this.commandRun = commandRun;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		for (String key : KEYS) {
			Object value = hibernateProperties.get(key);
			if (value == null || !SCHEMA_CHANGING.contains(value.toString().toLowerCase(Locale.ROOT).strip())) {
				continue;
			}
			if (this.commandRun) {
				hibernateProperties.put(key, "none");
				logger.warn("Hibernate's " + key + " is '" + value + "': turned off for this migrate command, which "
						+ "must see the database as the revisions left it. The application's own starts still let "
						+ "Hibernate change or check the schema behind Retort's back: set "
						+ "spring.jpa.hibernate.ddl-auto=none and let revisions build the schema.");
			}
			else {
				logger.warn("Hibernate's " + key + " is '" + value + "' while Retort manages this database's schema: "
						+ "Hibernate changes or checks the schema at every start, behind Retort's back. "
						+ "Set spring.jpa.hibernate.ddl-auto=none and let revisions build the schema.");
			}
		}
	}

}
