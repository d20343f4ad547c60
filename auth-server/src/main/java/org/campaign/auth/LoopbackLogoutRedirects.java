package org.campaign.auth;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.function.Consumer;

/**
 * Where the browser may be sent after signing out: a registered post-logout redirect URI exactly, or — as the
 * authorization endpoint already allows for redirect URIs (RFC 8252, section 7.3) — a registered one on the loopback
 * address 127.0.0.1 with any port, so that the web app signs out cleanly when its gateway runs on another port.
 */
final class LoopbackLogoutRedirects implements Consumer<OidcLogoutAuthenticationContext> {

    @Override
    public void accept(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken logout = context.getAuthentication();
        String requested = logout.getPostLogoutRedirectUri();
        if (StringUtils.hasText(requested) && !allowed(requested, context.getRegisteredClient())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri",
                    "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
        }
    }

    static boolean allowed(String requested, RegisteredClient client) {
        if (client.getPostLogoutRedirectUris().contains(requested)) {
            return true;
        }
        UriComponents uri;
        try {
            uri = UriComponentsBuilder.fromUriString(requested).build();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!"127.0.0.1".equals(uri.getHost()) || uri.getFragment() != null) {
            return false;
        }
        return client.getPostLogoutRedirectUris().stream().anyMatch(registered -> UriComponentsBuilder
                .fromUriString(registered).port(uri.getPort()).build().toUriString().equals(uri.toUriString()));
    }
}
