package org.campaign.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's first line of access control, from configuration ({@code platform.access}): which roles may call
 * which routes, how many requests a client may make, how large a request may be, and which web origins may call
 * from a browser. Each service checks the same token again and applies its own finer rules.
 *
 * @param issuer         the token issuer every token must name
 * @param jwkSetUri      where the issuer publishes its keys; defaults to {@code <issuer>/oauth2/jwks}
 * @param clockSkew      tolerance for differing clocks when checking expiry
 * @param rules          route rules, first match wins; a route matching no rule needs any valid token
 * @param rateLimit      per-client limit
 * @param maxBodyBytes   largest request body accepted, except on {@code largeBodyPaths}
 * @param largeBodyPaths routes that take file uploads
 * @param maxLargeBodyBytes largest upload accepted
 * @param allowedOrigins browser origins allowed to call the API (the web app's)
 */
@ConfigurationProperties("platform.access")
public record AccessPolicy(String issuer, String jwkSetUri, Duration clockSkew, List<Rule> rules,
                           RateLimit rateLimit, long maxBodyBytes, List<String> largeBodyPaths,
                           long maxLargeBodyBytes, List<String> allowedOrigins) {

    public AccessPolicy {
        Objects.requireNonNull(issuer, "platform.access.issuer must name the token issuer");
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
        rules = rules == null ? List.of() : rules;
        rateLimit = rateLimit == null ? new RateLimit(20, 40) : rateLimit;
        largeBodyPaths = largeBodyPaths == null ? List.of() : largeBodyPaths;
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
    }

    String keysLocation() {
        return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuer + "/oauth2/jwks";
    }

    /**
     * Callers holding any of {@code roles} may call {@code paths} with {@code methods} (all methods when empty).
     */
    public record Rule(List<String> paths, List<HttpMethod> methods, List<String> roles) {

        public Rule {
            methods = methods == null ? List.of() : methods;
            roles = roles == null ? List.of() : roles;
        }
    }

    /** A token bucket per client: {@code perSecond} requests on average, bursts up to {@code burst}. */
    public record RateLimit(int perSecond, int burst) {
    }
}
