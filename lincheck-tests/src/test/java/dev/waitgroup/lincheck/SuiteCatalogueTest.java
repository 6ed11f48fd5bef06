package dev.waitgroup.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.catalogue.Suite;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suite runs what the catalogue promises: a promised verdict nobody delivers fails the gate. */
class SuiteCatalogueTest {

    @Test
    void everyLincheckCheckOfTheCatalogueIsRunByExactlyOneTest() {
        List<Check> run = new ArrayList<>();
        for (Class<?> checks : LincheckSuite.CHECK_CLASSES) {
            for (Method method : checks.getDeclaredMethods()) {
                HarnessCheck check = method.getAnnotation(HarnessCheck.class);
                if (check != null) {
                    run.add(check.value());
                }
            }
        }
        assertEquals(new HashSet<>(Check.of(Suite.LINCHECK)), new HashSet<>(run));
        assertEquals(run.size(), new HashSet<>(run).size(), "a check run twice: " + run);
    }

    @Test
    void everyScenarioBelongsToOneLincheckCheck() throws IllegalAccessException {
        Set<Check> seen = new HashSet<>();
        for (Field field : Scenarios.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Scenarios.Named.class) {
                Scenarios.Named scenario = (Scenarios.Named) field.get(null);
                assertTrue(scenario.check().suites().contains(Suite.LINCHECK), scenario.check().id());
                assertTrue(seen.add(scenario.check()), "two scenarios for " + scenario.check().id());
            }
        }
    }
}
