package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A teaching page's text: the code that is wrong, why it goes wrong (HTML), the fix (HTML), and the
 * fixed code. A client bug's lesson is declared in the catalogue ({@link Bug}); a broken
 * implementation's lesson is the class comment and code of its specimen, which the harness reads
 * from the specimen's own source when it records the run.
 *
 * @param source  where the code comes from: a file name, or a description
 * @param code    the offending code
 * @param whyHtml why it goes wrong, as HTML paragraphs
 * @param fixHtml the fix, as HTML; may be empty
 * @param fixCode the corrected code; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lesson(String source, String code, String whyHtml, String fixHtml, String fixCode) {
}
