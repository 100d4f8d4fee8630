package io.cdottrials.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Accepts exactly one principal and secret, configured by the operator, compared in
 * constant time so that a caller cannot learn the secret from response times.
 */
final class StaticCredentialAuthenticationManager implements AuthenticationManager {

	private final byte[] principal;

	private final byte[] secret;

	private final String role;

	StaticCredentialAuthenticationManager(String principal, String secret, String role) {
		this.principal = principal.getBytes(StandardCharsets.UTF_8);
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.role = role;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String givenPrincipal = String.valueOf(authentication.getPrincipal());
		Object credentials = authentication.getCredentials();
		String givenSecret = (credentials != null) ? credentials.toString() : "";
		boolean principalMatches = MessageDigest.isEqual(this.principal,
				givenPrincipal.getBytes(StandardCharsets.UTF_8));
		boolean secretMatches = MessageDigest.isEqual(this.secret, givenSecret.getBytes(StandardCharsets.UTF_8));
		if (!(principalMatches & secretMatches)) {
			throw new BadCredentialsException("Invalid credentials");
		}
		return UsernamePasswordAuthenticationToken.authenticated(givenPrincipal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + this.role)));
	}

}
