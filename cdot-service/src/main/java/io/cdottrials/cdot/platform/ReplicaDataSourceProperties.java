package io.cdottrials.cdot.platform;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A PostgreSQL streaming replica that serves read-only transactions (eligibility and
 * catalog reads). Absent, every statement goes to {@code spring.datasource.url}. The pool
 * settings are those of {@code spring.datasource.hikari}.
 *
 * @param url the replica's JDBC URL; unset means one database
 * @param username the user on the replica, {@code spring.datasource.username} when unset
 * @param password the password on the replica, {@code spring.datasource.password} when
 * unset
 */
@ConfigurationProperties("cdot.datasource.replica")
public record ReplicaDataSourceProperties(@Nullable String url, @Nullable String username, @Nullable String password) {
}
