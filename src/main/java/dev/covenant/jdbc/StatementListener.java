package dev.covenant.jdbc;

/**
 * Told of each statement prepared on a connection from {@link Database}, on the thread that prepares it: for tests
 * that count what a unit of work costs the database. No bean implements it in the service.
 */
public interface StatementListener {

    void prepared(String sql);
}
