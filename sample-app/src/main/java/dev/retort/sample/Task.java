package dev.retort.sample;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A unit of work in a project, optionally assigned to an agent.
 */
@Entity
@Table(name = "tasks",
		indexes = { @Index(name = "ix_tasks_project_id", columnList = "project_id"),
				@Index(name = "ix_tasks_status", columnList = "status"),
				@Index(name = "ix_tasks_priority", columnList = "priority, created_at") })
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@JsonIgnore
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "project_id", nullable = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	private Project project;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(columnDefinition = "TEXT")
	private String description;

	@ColumnDefault("'open'")
	@Column(nullable = false, length = 20)
	private String status = "open";

	@ColumnDefault("0")
	@Column(nullable = false)
	private int priority;

	@JsonIgnore
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "agent_id")
	@OnDelete(action = OnDeleteAction.SET_NULL)
	private Agent agent;

	@Generated
	@ColumnDefault("CURRENT_TIMESTAMP")
	@Column(name = "created_at", nullable = false, insertable = false, updatable = false)
	private Instant createdAt;

	protected Task() {
	}

	public Task(Project project, String title, String description, int priority) {
		this.project = project;
		this.title = title;
		this.description = description;
		this.priority = priority;
	}

	public Long getId() {
		return this.id;
	}

	public Long getProjectId() {
		return this.project.getId();
	}

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public String getStatus() {
		return this.status;
	}

	public int getPriority() {
		return this.priority;
	}

	public Agent getAgent() {
		return this.agent;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
