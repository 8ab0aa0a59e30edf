package dev.retort.migration.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

import dev.retort.migration.operation.Execute;
import dev.retort.migration.operation.NonTransactionalOperationException;
import dev.retort.migration.revision.RevisionScript;

/**
 * The connection a transactional revision's {@code op.jdbc()} works on: the revision's
 * own, except that it refuses to end the transaction ({@code commit()},
 * {@code rollback()}, auto-commit, or a {@code COMMIT}/{@code BEGIN} statement), which
 * would commit part of the revision without its version and history rows, or leave them
 * to be committed without it. Savepoints stay allowed; closing it leaves the revision's
 * connection open.
 */
final class TransactionGuard implements InvocationHandler {

	private static final Set<String> STATEMENT_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "addBatch");

	private final Connection connection;

	private final RevisionScript revision;

	private TransactionGuard(Connection connection, RevisionScript revision) {
		this.connection = connection;
		this.revision = revision;
	}

	/** The guarded connection of a revision that runs in a transaction. */
	static Connection guard(Connection connection, RevisionScript revision) {
		return (Connection) Proxy.newProxyInstance(TransactionGuard.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new TransactionGuard(connection, revision));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "commit", "rollback" -> {
				if (args == null || args.length == 0) {
					throw refused("calls " + method.getName() + "() on the connection of op.jdbc()");
				}
			}
			case "setAutoCommit" -> {
				if (Boolean.TRUE.equals(args[0])) {
					throw refused("turns auto-commit on for the connection of op.jdbc()");
				}
			}
			case "close" -> {
				return null;
			}
			case "prepareStatement", "prepareCall" -> checkStatement((String) args[0]);
			case "equals" -> {
				return proxy == args[0];
			}
			case "hashCode" -> {
				return System.identityHashCode(proxy);
			}
			default -> {
			}
		}
		Object result = call(this.connection, method, args);
		if (result instanceof Statement statement && method.getName().equals("createStatement")) {
			return guarded(statement);
		}
		return result;
	}

	/** A statement that refuses SQL which ends or starts a transaction. */
	private Statement guarded(Statement statement) {
		Class<?> type = (statement instanceof CallableStatement) ? CallableStatement.class
				: (statement instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
		return (Statement) Proxy.newProxyInstance(TransactionGuard.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					if (STATEMENT_METHODS.contains(method.getName()) && args != null && args.length > 0
							&& args[0] instanceof String sql) {
						checkStatement(sql);
					}
					if (method.getName().equals("getConnection")) {
						return TransactionGuard.guard(this.connection, this.revision);
					}
					return call(statement, method, args);
				});
	}

	private void checkStatement(String sql) {
		if (new Execute(sql).controlsTransaction()) {
			throw refused("runs '" + Execute.abbreviate(sql) + "' through op.jdbc()");
		}
	}

	private NonTransactionalOperationException refused(String what) {
		return NonTransactionalOperationException.controlsTransaction(this.revision.toString(), this.revision.source(),
				what);
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
