package dev.retort.migration.autoconfigure;

import dev.retort.migration.MigrationException;

/**
 * Autogenerate was asked for but the application has no Hibernate entity model to compare
 * with the database asked for.
 */
public class NoEntityModelException extends MigrationException {

	private static final long serialVersionUID = 1L;

	public NoEntityModelException() {
		super("Autogenerate needs the application's Hibernate entity model, and there is none: it takes "
				+ "spring-boot-starter-data-jpa and at least one @Entity in a package the application scans, "
				+ "with JPA left enabled for migrate commands.");
	}

	/** The entity model there is does not go with the database asked for. */
	public NoEntityModelException(String message) {
		super(message);
	}

}
