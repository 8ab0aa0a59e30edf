package dev.retort.migration.autogenerate.portable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.retort.migration.autogenerate.model.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An entity of the field types a Spring Boot team maps, with an identity id: nothing
 * whose mapping Hibernate changes from one database to another (sequences, LOBs).
 */
@Entity
@Table(name = "accounts", indexes = @Index(name = "ix_accounts_opened_on", columnList = "opened_on"))
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, unique = true, length = 120)
	String email;

	String displayName;

	Integer loginCount;

	int flags;

	long bytesUsed;

	short shortCode;

	byte level;

	boolean active;

	Boolean verified;

	@Column(precision = 12, scale = 2)
	BigDecimal balance;

	double score;

	float ratio;

	Instant createdAt;

	OffsetDateTime lastLogin;

	/** A type the user spelled: kept as written, on every database. */
	@Column(columnDefinition = "timestamp(3)")
	Instant importedAt;

	LocalDateTime localUpdatedAt;

	LocalDate openedOn;

	LocalTime reminder;

	UUID externalId;

	@Column(nullable = false, unique = true)
	UUID publicId;

	@Enumerated(EnumType.STRING)
	Tier tier;

	@Version
	long version;

}
