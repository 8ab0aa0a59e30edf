package dev.retort.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Users.
 */
public interface UserRepository extends JpaRepository<User, Long> {

}
