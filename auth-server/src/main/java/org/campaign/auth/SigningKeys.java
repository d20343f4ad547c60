package org.campaign.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The token signing key: generated at first start and kept in a file beside the local stack's data, never in
 * the repository, so that tokens stay valid across restarts and every installation has its own key.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            JWKSet keys = new JWKSet(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, keys.toString(false), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the folder's own protection applies
            }
            return keys;
        } catch (IOException | ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("Cannot read or create the signing key at " + file, e);
        }
    }
}
