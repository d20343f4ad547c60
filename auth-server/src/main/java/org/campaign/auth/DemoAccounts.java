package org.campaign.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The demo people and client systems of the local stack, from configuration. Passwords and secrets here are
 * for the local demo only.
 *
 * @param users   people who sign in through the browser
 * @param clients applications: the web app (public, PKCE) and agencies' systems (client credentials)
 */
@ConfigurationProperties("campaign.demo")
public record DemoAccounts(List<User> users, List<Client> clients) {

    /** A person, with the roles and the agency a token about them carries. */
    public record User(String username, String password, String displayName, List<String> roles, String agency) {
    }

    /**
     * A client. {@code secret} is empty for a public client (the browser app, which must use PKCE); a client
     * with a secret uses client credentials and acts with its own roles and agency. A public client returns to one
     * of its {@code redirectUris} after sign-in and to one of its {@code postLogoutRedirectUris} after sign-out.
     */
    public record Client(String clientId, String secret, List<String> redirectUris,
                         List<String> postLogoutRedirectUris, List<String> roles, String agency,
                         Duration tokenLifetime) {

        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }

        boolean isPublic() {
            return secret == null || secret.isBlank();
        }
    }

    public User user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst().orElse(null);
    }

    public Client client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElse(null);
    }
}
