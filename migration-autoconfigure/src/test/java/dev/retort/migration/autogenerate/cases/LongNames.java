package dev.retort.migration.autogenerate.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Check;

/** Names longer than PostgreSQL's 63 bytes: a table, a column, an index, constraints. */
// @Check and @Comment are the Hibernate annotations users write; JPA 3.2 has replacements
@SuppressWarnings("deprecation")
public final class LongNames {

	private LongNames() {
	}

	@Entity
	@Table(name = "a_table_whose_name_is_longer_than_the_sixty_three_bytes_postgresql_keeps")
	public static class Parent {

		@Id
		Long id;

	}

	@Entity
	@Table(name = "children",
			indexes = @Index(name = "ix_children_an_index_name_longer_than_the_sixty_three_bytes_postgresql_keeps",
					columnList = "a_column_whose_name_is_longer_than_the_sixty_three_bytes_postgresql_keeps"),
			uniqueConstraints = @UniqueConstraint(
					name = "uq_children_a_unique_name_longer_than_the_sixty_three_bytes_postgresql_keeps",
					columnNames = "code"))
	@Check(name = "ck_children_a_check_name_longer_than_the_sixty_three_bytes_postgresql_keeps",
			constraints = "code <> ''")
	public static class Child {

		@Id
		Long id;

		@Column(name = "a_column_whose_name_is_longer_than_the_sixty_three_bytes_postgresql_keeps")
		Integer value;

		@Column(length = 20)
		String code;

		@ManyToOne(fetch = FetchType.LAZY)
		@JoinColumn(name = "parent_id", foreignKey = @ForeignKey(
				name = "fk_children_a_foreign_key_name_longer_than_sixty_three_bytes_postgresql_keeps"))
		Parent parent;

	}

}
