package io.cdottrials.cdot.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one account of the admin console's browser login ({@code /console/login}), separate
 * from the API credentials.
 *
 * @param username the login name
 * @param password the password, plain or in Spring Security's encoded form (e.g.
 * {@code {bcrypt}$2a$10$...}); none (the default) leaves the console locked, since nobody
 * can log in
 */
@ConfigurationProperties("cdot.console")
public record ConsoleProperties(@DefaultValue("support") String username, @DefaultValue("") String password) {

	boolean locked() {
		return this.password.isBlank();
	}

	/**
	 * The password as Spring Security's delegating encoder reads it.
	 * @return the encoded password; a plain one is marked {@code {noop}}
	 */
	String encodedPassword() {
		return this.password.startsWith("{") ? this.password : "{noop}" + this.password;
	}

	@Override
	public String toString() {
		return "ConsoleProperties[username=" + this.username + ", password=" + (locked() ? "none" : "******") + "]";
	}

}
