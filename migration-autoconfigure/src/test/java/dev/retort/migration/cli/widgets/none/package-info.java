/**
 * No entities: the package {@code WidgetApplications.NoEntities} scans, as an application
 * that has Spring Data JPA but no {@code @Entity} yet.
 */
package dev.retort.migration.cli.widgets.none;
