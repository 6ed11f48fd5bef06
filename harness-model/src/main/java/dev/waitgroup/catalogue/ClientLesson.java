package dev.waitgroup.catalogue;

/**
 * A client bug's teaching page, declared once in the catalogue ({@link Bug#lesson()}) and rendered
 * by the report: the client's code that is wrong, why it goes wrong, the fix, and the fixed code.
 *
 * @param code    the offending code, as it is shown
 * @param why     why it goes wrong
 * @param fix     how to fix it
 * @param fixCode the corrected code; null when the fix needs none
 */
public record ClientLesson(String code, Prose why, Prose fix, String fixCode) {
}
