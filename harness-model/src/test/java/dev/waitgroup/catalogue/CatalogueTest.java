package dev.waitgroup.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's own rules: what the suites, the report and the gate rely on. */
class CatalogueTest {

    @Test
    void everyCheckHasAStableKebabCaseIdThatReadsBack() {
        Set<String> ids = new HashSet<>();
        for (Check check : Check.values()) {
            assertTrue(check.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), check.id());
            assertTrue(ids.add(check.id()), "two checks share " + check.id());
            assertEquals(check, Check.of(check.id()));
        }
    }

    @Test
    void everyCheckStatesItsPropertyAndRunsInASuite() {
        for (Check check : Check.values()) {
            assertFalse(check.title().isBlank(), check.id());
            assertFalse(check.suites().isEmpty(), check.id());
        }
    }

    @Test
    void everyImplementationBugIsCaughtBySomeCheckOfEverySuiteThatMustCatchIt() {
        for (Bug bug : Bug.values()) {
            for (Suite suite : bug.mustBeCaughtBy()) {
                boolean designed = Check.of(suite).stream().anyMatch(check -> check.catches().contains(bug));
                assertTrue(designed, bug.id() + " must be caught by " + suite.id() + ", but no check of it is designed to");
            }
        }
    }

    @Test
    void aClientBugCarriesItsLessonAndAnImplementationBugNamesTheSuitesThatSeeIt() {
        for (Bug bug : Bug.values()) {
            if (bug.isClientBug()) {
                assertTrue(bug.lesson() != null && !bug.lesson().whyHtml().isBlank(), bug.id());
            } else {
                assertFalse(bug.mustBeCaughtBy().isEmpty(), bug.id());
            }
        }
    }

    @Test
    void checksThatHoldImplementationsToTheirWordAreMisuseChecks() {
        for (Check check : Check.values()) {
            if (check.claim() != Claim.NONE) {
                assertEquals(Category.MISUSE, check.category(), check.id());
            }
        }
    }
}
