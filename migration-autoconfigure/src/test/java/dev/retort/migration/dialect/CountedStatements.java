package dev.retort.migration.dialect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real connection that counts the statements prepared or created through it, to see how
 * many queries a schema read costs.
 */
final class CountedStatements {

	private final AtomicInteger count = new AtomicInteger();

	private final Connection connection;

	CountedStatements(Connection target) {
		this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
						this.count.incrementAndGet();
					}
					try {
						return method.invoke(target, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	Connection connection() {
		return this.connection;
	}

	/** The statements counted since the last call. */
	int take() {
		return this.count.getAndSet(0);
	}

}
