package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a check is for, which decides how the gate reads its verdict. */
public enum Category {
    /** Must hold for every implementation; on a specimen, a failure means "caught". */
    CONTRACT,
    /** A client bug from the Go world, reproduced on every implementation; its verdict is informational. */
    MISUSE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Category of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
