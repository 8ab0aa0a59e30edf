package dev.retort.sample;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tasks, most urgent first.
 */
public interface TaskRepository extends JpaRepository<Task, Long> {

	List<Task> findByProject_IdOrderByPriorityDescCreatedAtAsc(Long projectId);

}
