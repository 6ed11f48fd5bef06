package dev.waitgroup.harness;

import dev.waitgroup.record.Category;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a test method as a harness check: its stable id in the results file, and its category. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {
    String value();

    Category category() default Category.CONTRACT;
}
