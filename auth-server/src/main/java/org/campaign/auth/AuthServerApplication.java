package org.campaign.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's OAuth 2.0 / OpenID Connect authorization server: demo people sign in with the authorization
 * code flow and PKCE; other agencies' systems use client credentials. Tokens are JWTs carrying the person's roles
 * and agency. In production an organisation's own identity provider (e.g. Keycloak) takes its place.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
