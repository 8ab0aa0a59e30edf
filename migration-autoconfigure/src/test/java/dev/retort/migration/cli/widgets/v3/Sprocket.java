package dev.retort.migration.cli.widgets.v3;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A joined subclass of {@link Gadget}. */
@Entity
@Table(name = "sprockets")
public class Sprocket extends Gadget {

	int teeth;

}
