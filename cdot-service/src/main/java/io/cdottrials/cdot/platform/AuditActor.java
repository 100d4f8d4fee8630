package io.cdottrials.cdot.platform;

import java.security.Principal;
import java.util.regex.Pattern;

import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * Who made an admin change, for audit trails. The admin API has one shared token today,
 * so the principal alone says only "admin": operators name themselves in the
 * {@code X-Audit-Actor} header (e.g. their e-mail), recorded as given.
 */
public final class AuditActor {

	/** The header an operator names themselves in. */
	public static final String HEADER = "X-Audit-Actor";

	private static final Pattern PRINTABLE = Pattern.compile("[\\p{Graph} ]{1,100}");

	private AuditActor() {
	}

	/**
	 * The actor of a request.
	 * @param header the {@code X-Audit-Actor} header, if sent
	 * @param principal the authenticated principal, if any
	 * @return the header when sent, else the principal's name, else {@code admin}
	 * @throws ApiException 400 when the header is not 1 to 100 printable characters
	 */
	public static String of(@Nullable String header, @Nullable Principal principal) {
		if (header != null) {
			if (!PRINTABLE.matcher(header).matches()) {
				throw ApiException.badRequest(HEADER + " must be 1 to 100 printable characters");
			}
			return header.strip();
		}
		return (principal != null) ? principal.getName() : "admin";
	}

}
