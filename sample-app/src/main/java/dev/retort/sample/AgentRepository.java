package dev.retort.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Agents.
 */
public interface AgentRepository extends JpaRepository<Agent, Long> {

}
