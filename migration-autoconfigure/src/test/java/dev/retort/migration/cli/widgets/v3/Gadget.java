package dev.retort.migration.cli.widgets.v3;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * An entity with the id a plain {@code @GeneratedValue} gives (a sequence, a table on
 * SQLite) and joined subclasses: Hibernate creates its own tables for such entities at
 * start-up on SQLite ({@code HTE_gadgets}), which are not the application's.
 */
@Entity
@Table(name = "gadgets")
@Inheritance(strategy = InheritanceType.JOINED)
public class Gadget {

	@Id
	@GeneratedValue
	Long id;

	String name;

}
