/**
 * The wire contract between cdot-service and gitlab-client: request and response records,
 * trial types and webhook events, with their JSON names. Plain Java, Jackson annotations
 * and Bean Validation constraints (what the contract requires; each service validates).
 */
@NullMarked
package io.cdottrials.model;

import org.jspecify.annotations.NullMarked;
