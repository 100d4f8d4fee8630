package io.cdottrials.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares or creates, by wrapping the
 * application's {@link DataSource}. Test-only.
 */
public final class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

	private static final ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[1]);

	public static void reset() {
		counts.get()[0] = 0;
	}

	public static int count() {
		return counts.get()[0];
	}

	/**
	 * Runs the action and answers how many statements this thread prepared meanwhile.
	 * @param action the code to watch
	 * @return the number of statements
	 */
	public int countOnThisThread(Runnable action) {
		int before = count();
		action.run();
		return count() - before;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
			return new CountingDataSource(dataSource);
		}
		return bean;
	}

	static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection target) {
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (STATEMENT_METHODS.contains(method.getName())) {
							counts.get()[0]++;
						}
						try {
							return method.invoke(target, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

	}

}
