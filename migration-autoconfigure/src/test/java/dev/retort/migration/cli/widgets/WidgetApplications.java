package dev.retort.migration.cli.widgets;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * Applications with JPA entities, as a user's application has them: the widgets as the
 * first revision creates them ({@link V1}), and with a column no revision adds yet
 * ({@link V2}); the first widgets and gadgets, with sequence ids and joined subclasses
 * ({@link V3}).
 */
public final class WidgetApplications {

	/** The revisions both applications have. */
	public static final String REVISIONS = "classpath:dev/retort/migration/cli/widgets/revisions";

	private WidgetApplications() {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = dev.retort.migration.cli.widgets.v1.Widget.class)
	public static class V1 {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = dev.retort.migration.cli.widgets.v2.Widget.class)
	public static class V2 {

	}

	/** Spring Data JPA on, and no entity in the package it scans. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackages = "dev.retort.migration.cli.widgets.none")
	public static class NoEntities {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = { dev.retort.migration.cli.widgets.v1.Widget.class,
			dev.retort.migration.cli.widgets.v3.Gadget.class })
	public static class V3 {

	}

}
