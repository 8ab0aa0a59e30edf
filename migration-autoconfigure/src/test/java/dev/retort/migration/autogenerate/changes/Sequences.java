package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Sequences: {@code alpha_seq}'s increment goes from 10 to 20, {@code beta_seq} is added
 * and {@code gamma_seq} dropped (gamma's ids become assigned).
 */
public final class Sequences {

	private Sequences() {
	}

	@Entity
	@Table(name = "alphas")
	public static class AlphaV1 {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alpha")
		@SequenceGenerator(name = "alpha", sequenceName = "alpha_seq", allocationSize = 10)
		Long id;

	}

	@Entity
	@Table(name = "alphas")
	public static class AlphaV2 {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alpha")
		@SequenceGenerator(name = "alpha", sequenceName = "alpha_seq", allocationSize = 20)
		Long id;

	}

	@Entity
	@Table(name = "betas")
	public static class BetaV1 {

		@Id
		Long id;

	}

	@Entity
	@Table(name = "betas")
	public static class BetaV2 {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "beta")
		@SequenceGenerator(name = "beta", sequenceName = "beta_seq", allocationSize = 5)
		Long id;

	}

	@Entity
	@Table(name = "gammas")
	public static class GammaV1 {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gamma")
		@SequenceGenerator(name = "gamma", sequenceName = "gamma_seq", allocationSize = 1)
		Long id;

	}

	@Entity
	@Table(name = "gammas")
	public static class GammaV2 {

		@Id
		Long id;

	}

}
