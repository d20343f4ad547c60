package org.campaign.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How a service authenticates its callers.
 *
 * @param issuer       the token issuer every token must name (e.g. the local auth server or Keycloak's realm)
 * @param jwkSetUri    where the issuer publishes its signing keys; defaults to {@code <issuer>/oauth2/jwks}
 * @param clockSkew    how much an expired token is forgiven for clocks that differ
 * @param trustHeaders only for tests and development: no tokens, the caller is named by the
 *                     {@code X-Acting-User}/{@code X-Acting-Agency} headers and holds the roles named by
 *                     {@code X-Acting-Roles} (comma-separated), or every role without that header
 */
@ConfigurationProperties("campaign.security")
public record SecurityProperties(String issuer, String jwkSetUri, Duration clockSkew, boolean trustHeaders) {

    public SecurityProperties {
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
    }

    String keysLocation() {
        return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuer + "/oauth2/jwks";
    }
}
