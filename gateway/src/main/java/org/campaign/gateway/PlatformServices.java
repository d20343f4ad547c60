package org.campaign.gateway;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each backend service lives and which path patterns the gateway forwards to it.
 *
 * <pre>
 * platform.services.pledge.uri=http://localhost:8081
 * platform.services.pledge.paths=/api/pledges/**,/api/organisations/**,...
 * </pre>
 *
 * Defaults are in {@code application.yml}; in containers the URIs are usually overridden through
 * environment variables such as {@code PLATFORM_SERVICES_PLEDGE_URI}. To expose a new path of an
 * existing service, add a pattern to its {@code paths} list; to add a service, add a component here
 * and an entry in {@link #byName()}.
 */
@ConfigurationProperties("platform.services")
public record PlatformServices(Backend pledge, Backend evaluation, Backend reporting) {

    public PlatformServices {
        Objects.requireNonNull(pledge, "platform.services.pledge must be configured");
        Objects.requireNonNull(evaluation, "platform.services.evaluation must be configured");
        Objects.requireNonNull(reporting, "platform.services.reporting must be configured");
    }

    /** The backends keyed by service name, in a stable order; the name doubles as the route id. */
    public Map<String, Backend> byName() {
        Map<String, Backend> all = new LinkedHashMap<>();
        all.put("pledge", pledge);
        all.put("evaluation", evaluation);
        all.put("reporting", reporting);
        return all;
    }

    /**
     * One backend service.
     *
     * @param uri   base URI the requests are forwarded to (the request path is kept as is)
     * @param paths path patterns, in Spring's {@code PathPattern} syntax, routed to this backend
     */
    public record Backend(URI uri, List<String> paths) {

        public Backend {
            Objects.requireNonNull(uri, "a platform service needs a uri");
            paths = paths == null ? List.of() : List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("platform service " + uri + " needs at least one path pattern");
            }
        }
    }
}
