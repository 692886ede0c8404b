package cn.parkflow.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation anyone may call without logging in (the registry, publications, objections, registration, login).
 * The security configuration opens exactly these operations and the OpenAPI description marks exactly these as needing
 * no credentials, from this one annotation; credentials sent along are still checked (a wrong password is 401).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicAccess {}
