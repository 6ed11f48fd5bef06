package dev.waitgroup.catalogue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the code that runs a check of the catalogue: a JUnit test method (contract and Lincheck
 * suites) or a jcstress test class. The suite records its verdict under this check.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HarnessCheck {
    Check value();
}
