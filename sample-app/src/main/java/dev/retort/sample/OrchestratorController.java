package dev.retort.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Orchestrator's REST API: users, projects, agents, and the tasks of a project.
 */
@RestController
@RequestMapping("/api")
public class OrchestratorController {

	private final UserRepository users;

	private final ProjectRepository projects;

	private final AgentRepository agents;

	private final TaskRepository tasks;

	public OrchestratorController(UserRepository users, ProjectRepository projects, AgentRepository agents,
			TaskRepository tasks) {
		this.users = users;
		this.projects = projects;
		this.agents = agents;
		this.tasks = tasks;
	}

	@GetMapping("/users")
	public List<User> users() {
		return this.users.findAll();
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	public User createUser(@RequestBody NewUser user) {
		return this.users.save(new User(user.username(), user.email()));
	}

	@GetMapping("/projects")
	public List<Project> projects() {
		return this.projects.findAll();
	}

	@PostMapping("/projects")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	public Project createProject(@RequestBody NewProject project) {
		User owner = (project.ownerId() != null) ? this.users.findById(project.ownerId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No user " + project.ownerId()))
				: null;
		return this.projects.save(new Project(project.name(), project.description(), owner));
	}

	@GetMapping("/agents")
	public List<Agent> agents() {
		return this.agents.findAll();
	}

	@PostMapping("/agents")
	@ResponseStatus(HttpStatus.CREATED)
	public Agent createAgent(@RequestBody NewAgent agent) {
		return this.agents.save(new Agent(agent.name(), agent.kind()));
	}

	@GetMapping("/projects/{projectId}/tasks")
	public List<Task> tasks(@PathVariable Long projectId) {
		return this.tasks.findByProject_IdOrderByPriorityDescCreatedAtAsc(projectId);
	}

	@PostMapping("/projects/{projectId}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	public Task createTask(@PathVariable Long projectId, @RequestBody NewTask task) {
		Project project = this.projects.findById(projectId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No project " + projectId));
		int priority = (task.priority() != null) ? task.priority() : 0;
		return this.tasks.save(new Task(project, task.title(), task.description(), priority));
	}

	/** A user to create. */
	public record NewUser(String username, String email) {

	}

	/** A project to create. */
	public record NewProject(String name, String description, Long ownerId) {

	}

	/** An agent to create. */
	public record NewAgent(String name, String kind) {

	}

	/** A task to create; priority defaults to 0. */
	public record NewTask(String title, String description, Integer priority) {

	}

}
