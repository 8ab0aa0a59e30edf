package dev.retort.migration.cli.widgets.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The widgets once they have a colour, which no revision adds yet. */
@Entity
@Table(name = "widgets")
public class Widget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, length = 100)
	String name;

	int size;

	@Column(length = 20)
	String colour;

}
