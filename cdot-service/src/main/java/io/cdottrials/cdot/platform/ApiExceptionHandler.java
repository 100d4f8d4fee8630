package io.cdottrials.cdot.platform;

import io.cdottrials.web.ApiExceptionAdvice;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * CustomersDot's error answers: everything both services share is
 * {@link ApiExceptionAdvice}; an exception only this service has gets its
 * {@code @ExceptionHandler} here, answering with {@code problem(status, errors, headers)}
 * or {@code unavailable(error, retryAfter)}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionAdvice {

}
