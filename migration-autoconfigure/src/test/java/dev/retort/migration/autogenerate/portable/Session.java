package dev.retort.migration.autogenerate.portable;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An entity keyed by a UUID, with a foreign key to an identity id. */
@Entity
@Table(name = "account_sessions")
public class Session {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	UUID id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "account_id")
	Account account;

	Instant expiresAt;

}
