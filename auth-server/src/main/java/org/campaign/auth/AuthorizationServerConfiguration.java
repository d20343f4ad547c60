package org.campaign.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Spring Authorization Server with the demo accounts: OpenID Connect, authorization code with PKCE for people,
 * client credentials for systems, and JWT access tokens carrying {@code roles}, {@code agency} and the client.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String ROLES = "roles";
    static final String AGENCY = "agency";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, authorizationServer -> authorizationServer.oidc(oidc -> oidc
                        .logoutEndpoint(logout -> logout.authenticationProviders(providers -> providers.forEach(
                                provider -> {
                                    if (provider instanceof OidcLogoutAuthenticationProvider oidcLogout) {
                                        oidcLogout.setAuthenticationValidator(new LoopbackLogoutRedirects());
                                    }
                                })))))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The web app runs in the browser on the gateway's origin and calls the discovery, key set and token endpoints
     * from the page (it exchanges its authorization code itself), so those answer cross-origin requests from the
     * origins in {@code campaign.auth.allowed-origins}. No cookies are involved: credentials are not allowed.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(Environment environment) {
        List<String> allowedOrigins = Binder.get(environment)
                .bind("campaign.auth.allowed-origins", Bindable.listOf(String.class)).orElse(List.of());
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(allowedOrigins.stream().filter(o -> !o.isBlank()).toList());
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/.well-known/**", "/oauth2/token", "/oauth2/jwks", "/oauth2/revoke",
                "/userinfo")) {
            source.registerCorsConfiguration(path, configuration);
        }
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(DemoAccounts accounts, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(accounts.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(encoder.encode(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(DemoAccounts accounts, PasswordEncoder encoder,
                                       @Value("${campaign.auth.token-lifetime:PT1H}") Duration lifetime) {
        List<RegisteredClient> clients = accounts.clients().stream().map(client -> {
            RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                    .clientId(client.clientId())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(
                            client.tokenLifetime() == null ? lifetime : client.tokenLifetime()).build());
            if (client.isPublic()) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUris(uris -> uris.addAll(client.redirectUris()))
                        .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true)
                                .requireAuthorizationConsent(false).build());
            } else {
                builder.clientSecret(encoder.encode(client.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
            }
            return builder.build();
        }).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Puts who the token is about — roles and agency — into every access and ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> campaignClaims(DemoAccounts accounts) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                DemoAccounts.Client client = accounts.client(context.getRegisteredClient().getClientId());
                if (client != null) {
                    context.getClaims().claim(ROLES, client.roles()).claim(AGENCY, client.agency());
                }
                return;
            }
            DemoAccounts.User user = accounts.user(context.getPrincipal().getName());
            if (user != null) {
                context.getClaims().claim(ROLES, user.roles()).claim(AGENCY, user.agency())
                        .claim("name", user.displayName());
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(@Value("${campaign.auth.key-file:local-data/auth/signing-key.json}")
                                           Path keyFile) {
        JWKSet keys = SigningKeys.loadOrCreate(keyFile);
        return new ImmutableJWKSet<>(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${campaign.auth.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }
}
