package org.campaign.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for tests: its own signing key, its key set served on loopback, and tokens with any roles,
 * agency, lifetime or issuer — and forged ones, signed with a key nobody published.
 */
final class TestTokens {

    static final String ISSUER = "http://issuer.test";

    private final RSAKey key = generate();
    private final RSAKey strangerKey = generate();
    private final HttpServer keys;

    TestTokens() {
        try {
            keys = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keys.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(published);
            }
        });
        keys.start();
    }

    String keySetUri() {
        return "http://127.0.0.1:" + keys.getAddress().getPort() + "/oauth2/jwks";
    }

    String token(String clientId, String agency, String... roles) {
        return sign(key, ISSUER, clientId, agency, Duration.ofMinutes(5), roles);
    }

    String expired(String clientId, String agency, String... roles) {
        return sign(key, ISSUER, clientId, agency, Duration.ofMinutes(-10), roles);
    }

    String fromAnotherIssuer(String clientId, String agency, String... roles) {
        return sign(key, "http://somewhere.else", clientId, agency, Duration.ofMinutes(5), roles);
    }

    String forged(String clientId, String agency, String... roles) {
        return sign(strangerKey, ISSUER, clientId, agency, Duration.ofMinutes(5), roles);
    }

    void stop() {
        keys.stop(0);
    }

    private static String sign(RSAKey with, String issuer, String clientId, String agency, Duration lifetime,
                               String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject("user-of-" + clientId).claim("client_id", clientId)
                .claim("agency", agency).claim("roles", List.of(roles))
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
