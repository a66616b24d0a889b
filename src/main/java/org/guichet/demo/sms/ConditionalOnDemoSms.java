package org.guichet.demo.sms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;

/**
 * Only in the {@code demo} profile, and unless {@code guichet.demo.sms.enabled} is false: the one
 * condition of every part of the demo's SMS gateway, so that outside the demo none of it exists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Profile("demo")
@ConditionalOnBooleanProperty(name = "guichet.demo.sms.enabled", matchIfMissing = true)
@interface ConditionalOnDemoSms {

}
