package dev.retort.migration.autogenerate.model;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "documents")
public class Document {

	@Id
	@GeneratedValue
	UUID id;

	String title;

	LocalDateTime editedAt;

	LocalTime reminder;

	@Version
	long version;

}
