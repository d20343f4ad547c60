package org.campaign.service.security;

import java.util.Set;

/**
 * Who is calling: the person (or system), the agency they act for, the client application they use, and their
 * roles — taken from the validated token, or from trusted headers where a service runs without tokens.
 */
public record Caller(String userId, String agencyId, String clientId, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
