package dev.retort.migration.backup;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The libpq environment ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE},
 * {@code PGUSER}, {@code PGSSLMODE}…) equivalent to a pgjdbc URL, so that {@code pg_dump}
 * and {@code pg_restore} reach the database the application uses. The password travels in
 * {@code PGPASSWORD}: never on a command line, never in a file.
 */
final class PostgresConnection {

	private static final Map<String, String> PARAMETERS = Map.of("sslmode", "PGSSLMODE", "sslcert", "PGSSLCERT",
			"sslkey", "PGSSLKEY", "sslrootcert", "PGSSLROOTCERT", "applicationname", "PGAPPNAME", "connecttimeout",
			"PGCONNECT_TIMEOUT", "options", "PGOPTIONS", "gssencmode", "PGGSSENCMODE", "channelbinding",
			"PGCHANNELBINDING");

	private final Map<String, String> environment;

	private final String database;

	private PostgresConnection(Map<String, String> environment, String database) {
		this.environment = environment;
		this.database = database;
	}

	/**
	 * @param url the pgjdbc URL, {@code jdbc:postgresql://host:port,host2/db?params}
	 * @param user the user the application connects as, when the URL does not say
	 * @param password the password, or {@code null} (then the URL's, if any)
	 */
	static PostgresConnection of(String url, String user, String password) {
		String rest = url.substring("jdbc:postgresql:".length());
		String query = "";
		int question = rest.indexOf('?');
		if (question >= 0) {
			query = rest.substring(question + 1);
			rest = rest.substring(0, question);
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			parameters.put(key.toLowerCase(Locale.ROOT), (equals >= 0) ? decode(pair.substring(equals + 1)) : "");
		}
		List<String> hosts = new ArrayList<>();
		List<String> ports = new ArrayList<>();
		String database = rest;
		if (rest.startsWith("//")) {
			String authority = rest.substring(2);
			int slash = authority.indexOf('/');
			database = (slash >= 0) ? authority.substring(slash + 1) : "";
			authority = (slash >= 0) ? authority.substring(0, slash) : authority;
			for (String host : authority.split(",")) {
				if (host.isEmpty()) {
					continue;
				}
				int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
				hosts.add(((colon >= 0) ? host.substring(0, colon) : host).replace("[", "").replace("]", ""));
				ports.add((colon >= 0) ? host.substring(colon + 1) : "5432");
			}
		}
		else if (rest.startsWith("/")) {
			database = rest.substring(1);
		}
		database = decode(database);
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PGHOST", hosts.isEmpty() ? "localhost" : String.join(",", hosts));
		environment.put("PGPORT", ports.isEmpty() ? "5432" : String.join(",", ports));
		String chosenUser = parameters.getOrDefault("user", user);
		if (database.isEmpty()) {
			database = (chosenUser != null) ? chosenUser : "postgres";
		}
		environment.put("PGDATABASE", database);
		if (chosenUser != null) {
			environment.put("PGUSER", chosenUser);
		}
		String chosenPassword = (password != null) ? password : parameters.get("password");
		if (chosenPassword != null && !chosenPassword.isEmpty()) {
			environment.put("PGPASSWORD", chosenPassword);
		}
		PARAMETERS.forEach((parameter, variable) -> {
			String value = parameters.get(parameter);
			if (value != null) {
				environment.put(variable, value);
			}
		});
		if (!parameters.containsKey("sslmode") && "true".equalsIgnoreCase(parameters.get("ssl"))) {
			// pgjdbc's ssl=true verifies the server's certificate and host name
			environment.put("PGSSLMODE", "verify-full");
		}
		String target = parameters.get("targetservertype");
		if (target != null) {
			environment.put("PGTARGETSESSIONATTRS", switch (target.toLowerCase(Locale.ROOT)) {
				case "primary", "master" -> "read-write";
				case "secondary", "slave" -> "standby";
				case "prefersecondary", "preferslave" -> "prefer-standby";
				default -> "any";
			});
		}
		return new PostgresConnection(environment, database);
	}

	/** The variables to put into the client tool's environment. */
	Map<String, String> environment() {
		return this.environment;
	}

	String database() {
		return this.database;
	}

	/** Host, port and database, for messages: never the password. */
	String describe() {
		return this.environment.get("PGHOST") + ":" + this.environment.get("PGPORT") + "/" + this.database;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
