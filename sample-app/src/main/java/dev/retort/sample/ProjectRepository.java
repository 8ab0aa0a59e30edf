package dev.retort.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Projects.
 */
public interface ProjectRepository extends JpaRepository<Project, Long> {

}
