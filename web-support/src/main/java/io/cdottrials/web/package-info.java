/**
 * What the web layers of both services share: the error body (RFC 9457 problem details
 * with {@code "success": false} and {@code errors}), the advice and the error page that
 * answer with it, the guards against hostile requests, namespace id parsing and SLI
 * counting. Owned by Growth; both services' owners review changes.
 */
@NullMarked
package io.cdottrials.web;

import org.jspecify.annotations.NullMarked;
