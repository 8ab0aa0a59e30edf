package dev.retort.migration.backup;

/**
 * Work that must happen if the JVM is stopped (Ctrl-C, {@code kill}, a container's stop)
 * while a backup or restore runs: stop the PostgreSQL tool it started, remove the partial
 * file. Registered as a shutdown hook for as long as it is open; closing it removes the
 * hook without running it.
 */
final class ShutdownCleanup implements AutoCloseable {

	private final Thread hook;

	private ShutdownCleanup(Thread hook) {
		this.hook = hook;
	}

	/** Runs {@code cleanup} if the JVM shuts down before {@link #close()}. */
	static ShutdownCleanup register(String what, Runnable cleanup) {
		Thread hook = new Thread(cleanup, "retort-cleanup: " + what);
		try {
			Runtime.getRuntime().addShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// already shutting down: nothing will be left running by a hook now
		}
		return new ShutdownCleanup(hook);
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

}
