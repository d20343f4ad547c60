package org.campaign.service.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.campaign.service.web.Text.blankToNull;

/** Finds the {@link Caller} of the current request. */
public class CallerResolver {

    public static final String USER_HEADER = "X-Acting-User";
    public static final String AGENCY_HEADER = "X-Acting-Agency";
    public static final String CLIENT_HEADER = "X-Acting-Client";
    /** Where headers are trusted: the caller's roles, comma-separated; every role when absent. */
    public static final String ROLES_HEADER = "X-Acting-Roles";

    private final boolean trustHeaders;

    public CallerResolver(boolean trustHeaders) {
        this.trustHeaders = trustHeaders;
    }

    /** The caller, or {@code null} when the request names nobody. */
    public Caller resolve(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromToken(token.getToken());
        }
        if (trustHeaders) {
            String user = blankToNull(request.getHeader(USER_HEADER));
            String agency = blankToNull(request.getHeader(AGENCY_HEADER));
            if (user == null || agency == null) {
                return null;
            }
            String client = blankToNull(request.getHeader(CLIENT_HEADER));
            String roles = blankToNull(request.getHeader(ROLES_HEADER));
            return new Caller(user, agency, client == null ? "direct" : client, roles == null ? Roles.ALL
                    : Arrays.stream(roles.split(",")).map(String::trim).filter(role -> !role.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()));
        }
        return null;
    }

    static Caller fromToken(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        String client = jwt.getClaimAsString("client_id");
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("agency"),
                client == null ? jwt.getClaimAsString("azp") : client,
                roles == null ? Set.of() : Set.copyOf(new HashSet<>(roles)));
    }
}
