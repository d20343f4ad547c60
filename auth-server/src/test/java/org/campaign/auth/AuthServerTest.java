package org.campaign.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.LinkedMultiValueMap;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.auth.issuer=http://localhost:9000",
                "campaign.auth.key-file=target/test-keys/signing-key.json"})
class AuthServerTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RegisteredClientRepository clients;

    @Test
    void anAgencySystemGetsATokenCarryingItsRolesAndAgency() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("east-township-system", "east-demo-secret");
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        ResponseEntity<JsonNode> token = http.postForEntity("/oauth2/token", new HttpEntity<>(form, headers),
                JsonNode.class);
        assertThat(token.getStatusCode().is2xxSuccessful()).as(String.valueOf(token.getBody())).isTrue();

        String jwt = token.getBody().get("access_token").asText();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("http://localhost:9000");
        assertThat(claims.get("agency").asText()).isEqualTo("east-township");
        assertThat(claims.get("roles")).extracting(JsonNode::asText).containsExactly("AGENCY_STAFF");
        assertThat(claims.get("client_id").asText()).isEqualTo("east-township-system");
    }

    @Test
    void aWrongSecretIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("east-township-system", "guess");
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        assertThat(http.postForEntity("/oauth2/token", new HttpEntity<>(form, headers), JsonNode.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void peopleSignInWithTheAuthorizationCodeFlowAndPkce() {
        JsonNode discovery = http.getForObject("/.well-known/openid-configuration", JsonNode.class);
        assertThat(discovery.get("code_challenge_methods_supported")).extracting(JsonNode::asText).contains("S256");
        RegisteredClient web = clients.findByClientId("campaign-web");
        assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(web.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
                AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
    }
}
