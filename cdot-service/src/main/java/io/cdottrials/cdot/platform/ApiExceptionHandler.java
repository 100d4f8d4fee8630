package io.cdottrials.cdot.platform;

import java.time.Duration;

import io.cdottrials.web.ApiExceptionAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * CustomersDot's error answers: everything both services share is
 * {@link ApiExceptionAdvice}; here is what only this service has, a database outage,
 * which is a fast 503 with {@code Retry-After}, never a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionAdvice {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * A connection is waited for at most a second (Hikari's {@code connection-timeout}),
	 * so a retry two seconds later finds the database back or fails as fast again.
	 */
	private static final Duration DATASTORE_RETRY_AFTER = Duration.ofSeconds(2);

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<ProblemDetail> handleDatastoreUnavailable(Exception ex) {
		// expected during an outage and already counted by the health check: no stack
		// trace
		logger.warn("The database is unavailable: {}", ex.getMessage());
		return unavailable("The service cannot reach its database; retry shortly", DATASTORE_RETRY_AFTER);
	}

	@Override
	protected ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatastoreFailures.isUnavailable(ex)) {
			// the outage reached us wrapped by a library (a flag store, the outbox)
			return handleDatastoreUnavailable(ex);
		}
		return super.unexpected(ex);
	}

}
