package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A specimen's teaching page, as the harness records it in the results ({@code implementations[].lesson})
 * from the specimen's own source: its class comment and the code after it. The class comment is
 * Javadoc, hence HTML. A client bug's lesson is declared in the catalogue instead
 * ({@link ClientLesson}).
 *
 * @param source  where the code comes from: the source file's name
 * @param code    the offending code
 * @param whyHtml why it goes wrong, as HTML paragraphs
 * @param fixHtml the fix, as HTML; may be empty
 * @param fixCode the corrected code; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lesson(String source, String code, String whyHtml, String fixHtml, String fixCode) {
}
