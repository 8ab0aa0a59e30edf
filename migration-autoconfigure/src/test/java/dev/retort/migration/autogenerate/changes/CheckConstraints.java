package dev.retort.migration.autogenerate.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

/**
 * {@code @Check}s: {@code ck_boxes_width} changes its expression, {@code ck_boxes_height}
 * is dropped, {@code ck_boxes_depth} added; and the {@code @Enumerated(STRING)} column
 * {@code shape} gains a value, so the check Hibernate writes for it changes.
 */
// @Check and @Comment are the Hibernate annotations users write; JPA 3.2 has replacements
@SuppressWarnings("deprecation")
public final class CheckConstraints {

	private CheckConstraints() {
	}

	public enum ShapeV1 {

		CUBE, SLAB

	}

	public enum ShapeV2 {

		CUBE, SLAB, TUBE

	}

	@Entity
	@Table(name = "boxes")
	@Check(name = "ck_boxes_width", constraints = "width > 0")
	@Check(name = "ck_boxes_height", constraints = "height > 0")
	public static class V1 {

		@Id
		Long id;

		int width;

		int height;

		int depth;

		@Enumerated(EnumType.STRING)
		@Column(length = 10)
		ShapeV1 shape;

	}

	@Entity
	@Table(name = "boxes")
	@Check(name = "ck_boxes_width", constraints = "width >= 10")
	@Check(name = "ck_boxes_depth", constraints = "depth between 1 and 100")
	public static class V2 {

		@Id
		Long id;

		int width;

		int height;

		int depth;

		@Enumerated(EnumType.STRING)
		@Column(length = 10)
		ShapeV2 shape;

	}

}
