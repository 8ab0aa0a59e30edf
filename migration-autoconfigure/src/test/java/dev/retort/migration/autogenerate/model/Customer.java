package dev.retort.migration.autogenerate.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "customers", indexes = @Index(name = "ix_customers_name", columnList = "name, city"),
		uniqueConstraints = @UniqueConstraint(name = "uq_customers_name_birthday",
				columnNames = { "name", "birthday" }))
// @Check and @Comment are the Hibernate annotations users write; JPA 3.2 has replacements
@SuppressWarnings("deprecation")
@Check(name = "ck_customers_visits", constraints = "visits >= 0")
@Comment("People who buy things")
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, length = 120)
	@Comment("Full name")
	String name;

	@Column(unique = true)
	String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	Status status;

	@Enumerated(EnumType.ORDINAL)
	Tier tier;

	@Column(precision = 12, scale = 2)
	BigDecimal balance;

	OffsetDateTime createdAt;

	Instant lastSeen;

	LocalDate birthday;

	boolean active;

	@Lob
	String notes;

	@Lob
	byte[] avatar;

	@ColumnDefault("0")
	@Column(nullable = false)
	int visits;

	@ColumnDefault("'web'")
	@Column(length = 20)
	String source;

	@Embedded
	Address address;

	@ElementCollection
	@CollectionTable(name = "customer_tags", joinColumns = @JoinColumn(name = "customer_id"))
	@Column(name = "tag", length = 40)
	Set<String> tags = new HashSet<>();

}
