package dev.waitgroup.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report shows each check's method name as a sentence; one-letter words and numbers stay words. */
class CheckTitleTest {

    @SuppressWarnings("unused")
    private static final class Names {
        void aNewGroupIsZero() {}
        void ofTwoRacingDoneOnACounterOfOneExactlyOneIsRefused() {}
        void goRunsTheTaskOnANewThreadVirtualFromJava21() {}
    }

    private static String titleOf(String method) throws NoSuchMethodException {
        return CheckRecorder.title(Names.class.getDeclaredMethod(method));
    }

    @Test
    void wordsAreSplitAtCapitals() throws Exception {
        assertEquals("A new group is zero", titleOf("aNewGroupIsZero"));
    }

    @Test
    void aOneLetterWordBeforeAnotherWordIsSplit() throws Exception {
        assertEquals("Of two racing done on a counter of one exactly one is refused",
                titleOf("ofTwoRacingDoneOnACounterOfOneExactlyOneIsRefused"));
    }

    @Test
    void aNumberIsItsOwnWord() throws Exception {
        assertEquals("Go runs the task on a new thread virtual from java 21",
                titleOf("goRunsTheTaskOnANewThreadVirtualFromJava21"));
    }
}
