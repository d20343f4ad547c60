package org.campaign.testsupport;

import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Connects a Spring test to the shared Kafka broker and MongoDB server (see {@link TestInfrastructure}), with a
 * private database and private topics per Spring context:
 * <pre>
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT)
 * &#64;WithTestInfrastructure
 * class PledgeFlowIT { ... }
 * </pre>
 * A {@code @ContextConfiguration} declared directly on the same test class takes precedence over this meta-annotation;
 * in that case list {@link TestInfrastructureInitializer} in its {@code initializers} as well.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
public @interface WithTestInfrastructure {
}
