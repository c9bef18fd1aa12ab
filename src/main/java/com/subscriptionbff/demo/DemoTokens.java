package com.subscriptionbff.demo;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Demo mode signs its own tokens with a key made at startup (never written anywhere), and trusts only those.
 * Outside demo mode the issuer and keys come from spring.security.oauth2.resourceserver.jwt.*.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.class)
public class DemoTokens {

    static final String ISSUER = "subscription-bff-demo";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final RSAKey key;
    private final JwtEncoder encoder;
    // token validity follows the real clock, not the business clock that demos and tests may pin
    DemoTokens() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("demo")
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    @Bean
    JwtDecoder demoJwtDecoder() throws com.nimbusds.jose.JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    /** A bearer token for the user, valid for 12 hours. */
    public String issue(String userId) {
        Instant now = Instant.now();
        return issue(userId, now, now.plus(LIFETIME));
    }

    /** A service credential: subject a service, with the scopes it may use (space-separated, as OAuth2 has them). */
    public String issueService(String service, String scopes) {
        Instant now = Instant.now();
        return sign(JwtClaimsSet.builder().issuer(ISSUER).subject(service).issuedAt(now)
                .expiresAt(now.plus(LIFETIME)).claim("scope", scopes).build());
    }

    /** A token with chosen validity (tests of expiry). */
    public String issue(String userId, Instant issuedAt, Instant expiresAt) {
        return sign(JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .build());
    }

    /** A token with exactly these claims, signed with the demo key (tests of what the service refuses). */
    public String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("demo").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
