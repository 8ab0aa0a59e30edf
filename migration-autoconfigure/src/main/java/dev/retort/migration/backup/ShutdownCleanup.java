package dev.retort.migration.backup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Work that must happen if the JVM is stopped (Ctrl-C, {@code kill}, a container's stop)
 * while a backup or restore runs: stop the PostgreSQL tool it started, remove the partial
 * file. Registered as a shutdown hook for as long as it is open; closing it removes the
 * hook without running it.
 * <p>
 * What needs cleaning up is created through {@link #create}, under the same lock the hook
 * takes: a signal that arrives while a tool is being started waits for it to have
 * started, then stops it, and nothing is created once the hook has run. (Registering the
 * cleanup after starting the tool left a window where a tool started just as the JVM
 * stopped outlived it.)
 */
final class ShutdownCleanup implements AutoCloseable {

	private final String what;

	private final Deque<Runnable> cleanups = new ArrayDeque<>();

	private final Thread hook;

	private boolean stopped;

	private ShutdownCleanup(String what) {
		this.what = what;
		this.hook = new Thread(this::stop, "retort-cleanup: " + what);
	}

	/**
	 * Opens a cleanup for {@code what}, run if the JVM shuts down before
	 * {@link #close()}.
	 * @throws Stopping when the JVM is already shutting down
	 */
	static ShutdownCleanup open(String what) {
		ShutdownCleanup cleanup = new ShutdownCleanup(what);
		try {
			Runtime.getRuntime().addShutdownHook(cleanup.hook);
		}
		catch (IllegalStateException ex) {
			throw new Stopping(what);
		}
		return cleanup;
	}

	/**
	 * Creates something the JVM's stop must undo (starts a process, creates a file) and
	 * registers how to undo it.
	 * @throws Stopping when the JVM has begun to stop: nothing was created
	 */
	<T, E extends Exception> T create(Creation<T, E> creation, Consumer<? super T> undo) throws E {
		synchronized (this.cleanups) {
			if (this.stopped) {
				throw new Stopping(this.what);
			}
			T created = creation.create();
			this.cleanups.push(() -> undo.accept(created));
			return created;
		}
	}

	private void stop() {
		synchronized (this.cleanups) {
			this.stopped = true;
			while (!this.cleanups.isEmpty()) {
				this.cleanups.pop().run();
			}
		}
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// shutting down: the hook runs, which is what a stop asks for
		}
	}

	/** Creates something; may fail with {@code E}. */
	@FunctionalInterface
	interface Creation<T, E extends Exception> {

		T create() throws E;

	}

	/** The JVM is shutting down: what was about to be started was not. */
	static final class Stopping extends RuntimeException {

		Stopping(String what) {
			super(what + " was stopped: the JVM is shutting down");
		}

	}

}
