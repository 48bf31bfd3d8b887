package dev.covenant.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Short units of work on one pooled connection: in a transaction of their own, committed before the call returns
 * (what must be on disk before the caller goes on to call GitHub), or joining the caller's.
 */
@ApplicationScoped
public class Database {

    private final AgroalDataSource dataSource;
    private final StatementListener listener;

    Database(AgroalDataSource dataSource, Instance<StatementListener> listeners) {
        this.dataSource = dataSource;
        this.listener = listeners.isResolvable() ? listeners.get() : null;
    }

    /** In a new transaction, committed when this returns, whatever the caller holds. */
    public <T> T committed(String what, Rows.Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> run(what, work));
    }

    /** In the caller's transaction, or a new one committed when this returns. */
    public <T> T inTransaction(String what, Rows.Work<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> run(what, work));
    }

    /** With no transaction of its own: each statement commits at once unless the caller holds one. */
    public <T> T autocommit(String what, Rows.Work<T> work) {
        return run(what, work);
    }

    private <T> T run(String what, Rows.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(listener == null ? c : listened(c));
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    private Connection listened(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        listener.prepared(sql);
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
