package io.cdottrials.cdot.platform;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares WAL positions: the primary's insert position (past the caller's commit record)
 * and the replica's last replayed one, polled until it passes the first. Not
 * {@code pg_current_wal_lsn()}: with {@code synchronous_commit = off} a commit record can
 * still sit in the WAL buffers, behind the written position.
 */
class WalReplayCatchUp implements ReplicaCatchUp {

	private static final Duration POLL = Duration.ofMillis(20);

	private final JdbcClient primary;

	private final JdbcClient replica;

	WalReplayCatchUp(DataSource primary, DataSource replica) {
		this.primary = JdbcClient.create(primary);
		this.replica = JdbcClient.create(replica);
	}

	@Override
	public boolean await(Duration atMost) {
		String committed = this.primary.sql("select pg_current_wal_insert_lsn()::text").query(String.class).single();
		long deadline = System.nanoTime() + atMost.toNanos();
		while (true) {
			Boolean replayed = this.replica.sql("select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)")
				.param(committed)
				.query(Boolean.class)
				.single();
			if (Boolean.TRUE.equals(replayed)) {
				return true;
			}
			if (System.nanoTime() >= deadline) {
				return false;
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

}
