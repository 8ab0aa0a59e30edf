package dev.retort.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.retort.migration.backup.BackupStrategy;
import dev.retort.migration.engine.MigratorConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Retort migrations ({@code migrations.*}).
 */
@ConfigurationProperties("migrations")
public class MigrationProperties {

	/**
	 * Whether Retort is enabled: when false, no migrator, runner, endpoint or health
	 * indicator is created.
	 */
	private boolean enabled = true;

	/**
	 * Whether to upgrade the database to the target when the application is ready.
	 * Usually set per profile (on for development, off for staging and production).
	 */
	private boolean autoMigrate = false;

	/**
	 * The revision that auto-migrate upgrades to: heads, head, a revision id or prefix,
	 * label@head, +N.
	 */
	private String target = "heads";

	/**
	 * Where revisions live: classpath:db/migrations, filesystem:/path (or file:/path).
	 */
	private List<String> locations = new ArrayList<>(List.of(MigratorConfig.DEFAULT_LOCATION));

	/**
	 * What happens when auto-migrate fails: fail exits the application with a non-zero
	 * code, warn keeps it running with the migrations health DOWN.
	 */
	private OnFailure onFailure = OnFailure.FAIL;

	/**
	 * With on-failure=warn, whether readiness stays REFUSING_TRAFFIC after auto-migrate
	 * failed, so that a load balancer keeps traffic away from an application whose schema
	 * is not where its code expects.
	 */
	private boolean refuseTrafficAfterFailure = true;

	/**
	 * Name of the table that holds one row per applied head.
	 */
	private String versionTable = "migrations_version";

	/**
	 * Name of the table that records every applied step.
	 */
	private String historyTable = "migrations_history";

	/**
	 * The dialect to use (postgresql, sqlite); detected from the connection when not set.
	 */
	private String dialect;

	/**
	 * How long to wait for another process's migration lock before giving up.
	 */
	private Duration lockTimeout = Duration.ofMinutes(5);

	/**
	 * Who is recorded in the history table as applying revisions; the OS user when not
	 * set.
	 */
	private String appliedBy;

	/**
	 * JDBC URL of the database to migrate, for a dedicated unpooled connection; the
	 * application's DataSource is used when neither this nor migrations.user is set.
	 */
	private String url;

	/**
	 * Login user for migrations (e.g. one allowed to change the schema); falls back to
	 * spring.datasource.username.
	 */
	private String user;

	/**
	 * Login password for migrations; falls back to spring.datasource.password.
	 */
	private String password;

	private final Backup backup = new Backup();

	private final Endpoint endpoint = new Endpoint();

	private final Health health = new Health();

	private final Autogenerate autogenerate = new Autogenerate();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoMigrate() {
		return this.autoMigrate;
	}

	public void setAutoMigrate(boolean autoMigrate) {
		this.autoMigrate = autoMigrate;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	public boolean isRefuseTrafficAfterFailure() {
		return this.refuseTrafficAfterFailure;
	}

	public void setRefuseTrafficAfterFailure(boolean refuseTrafficAfterFailure) {
		this.refuseTrafficAfterFailure = refuseTrafficAfterFailure;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public String getDialect() {
		return this.dialect;
	}

	public void setDialect(String dialect) {
		this.dialect = dialect;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public String getAppliedBy() {
		return this.appliedBy;
	}

	public void setAppliedBy(String appliedBy) {
		this.appliedBy = appliedBy;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Backup getBackup() {
		return this.backup;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public Health getHealth() {
		return this.health;
	}

	public Autogenerate getAutogenerate() {
		return this.autogenerate;
	}

	/**
	 * What the runner does when auto-migrate fails.
	 */
	public enum OnFailure {

		/** Exit the application with a non-zero code. */
		FAIL,

		/** Keep the application running, with the migrations health DOWN. */
		WARN

	}

	/**
	 * Backups taken before upgrades.
	 */
	public static class Backup {

		/**
		 * Whether to back up the database before an upgrade that has work to do (SQLite:
		 * a copy next to the database file; PostgreSQL: pg_dump).
		 */
		private boolean beforeUpgrade = false;

		/**
		 * Directory for backup files; next to the SQLite database file, or the working
		 * directory for PostgreSQL, when not set.
		 */
		private String directory;

		/**
		 * How long pg_dump and pg_restore may run before they are stopped.
		 */
		private Duration timeout = Duration.ofHours(1);

		/**
		 * What backups hold: every row (full), or the schema and the rows of Retort's
		 * version and history tables alone (schema-only), for databases whose rows are
		 * backed up another way.
		 */
		private BackupStrategy strategy = BackupStrategy.FULL;

		public BackupStrategy getStrategy() {
			return this.strategy;
		}

		public void setStrategy(BackupStrategy strategy) {
			this.strategy = strategy;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isBeforeUpgrade() {
			return this.beforeUpgrade;
		}

		public void setBeforeUpgrade(boolean beforeUpgrade) {
			this.beforeUpgrade = beforeUpgrade;
		}

		public String getDirectory() {
			return this.directory;
		}

		public void setDirectory(String directory) {
			this.directory = directory;
		}

	}

	/**
	 * The migrations actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether the endpoint accepts upgrade, downgrade and stamp commands (POST).
		 */
		private boolean writeEnabled = false;

		/**
		 * Roles allowed to run commands over the endpoint, checked by Retort on top of
		 * write-enabled; when empty, any authenticated user may.
		 */
		private Set<String> roles = new LinkedHashSet<>();

		public boolean isWriteEnabled() {
			return this.writeEnabled;
		}

		public void setWriteEnabled(boolean writeEnabled) {
			this.writeEnabled = writeEnabled;
		}

		public Set<String> getRoles() {
			return this.roles;
		}

		public void setRoles(Set<String> roles) {
			this.roles = roles;
		}

	}

	/**
	 * The migrations health indicator.
	 */
	public static class Health {

		/**
		 * Health status reported while revisions are pending.
		 */
		private String pendingStatus = "OUT_OF_SERVICE";

		public String getPendingStatus() {
			return this.pendingStatus;
		}

		public void setPendingStatus(String pendingStatus) {
			this.pendingStatus = pendingStatus;
		}

	}

	/**
	 * Autogenerate: revisions written from the difference between the entities and the
	 * database.
	 */
	public static class Autogenerate {

		/**
		 * Directory that generated Java revisions are written to, relative to the working
		 * directory.
		 */
		private String sourceDir = "src/main/java";

		// bound as migrations.autogenerate.package (described in the additional metadata)
		private String packageName = "db.migrations";

		/**
		 * Directory that generated SQL revisions (revision --sql) are written to.
		 */
		private String sqlDir = "src/main/resources/db/migrations";

		/**
		 * Tables and sequences that autogenerate leaves alone on both sides, as name
		 * patterns where * matches any run of characters (legacy_*, audit_log).
		 */
		private List<String> exclude = new ArrayList<>();

		/**
		 * JDBC URL of the PostgreSQL server on which check --revisions creates and drops
		 * its temporary database; the application's own server when not set.
		 */
		private String scratchUrl;

		public String getSourceDir() {
			return this.sourceDir;
		}

		public void setSourceDir(String sourceDir) {
			this.sourceDir = sourceDir;
		}

		public String getPackage() {
			return this.packageName;
		}

		public void setPackage(String packageName) {
			this.packageName = packageName;
		}

		public String getSqlDir() {
			return this.sqlDir;
		}

		public void setSqlDir(String sqlDir) {
			this.sqlDir = sqlDir;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

		public String getScratchUrl() {
			return this.scratchUrl;
		}

		public void setScratchUrl(String scratchUrl) {
			this.scratchUrl = scratchUrl;
		}

	}

}
