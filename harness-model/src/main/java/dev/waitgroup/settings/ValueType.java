package dev.waitgroup.settings;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.Shard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a {@link Property} accepts: the one parser and validator of its values, and the words an error
 * message uses for them ("a duration from 1s to 1h, such as 10s"). A value reaches {@link #read}
 * trimmed; an empty one only for a property whose default is empty ("none given").
 *
 * <p>The types are made by the static factories; each states its range in {@link #accepts()}, and
 * {@link #read} refuses anything outside it with {@link Refused}. Only {@link Property} declares
 * properties with them; {@link Settings} reads every property through its type, so that no property
 * has a parser of its own.
 *
 * @param <T> what a value is read as
 */
abstract class ValueType<T> {
    /** The most shards a run may be dealt into. */
    static final int MAX_SHARDS = 64;
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");
    private static final String PATH_SEPARATORS = "[" + File.pathSeparator + ",]";

    private final String accepts;

    ValueType(String accepts) {
        this.accepts = accepts;
    }

    /** What it accepts, as an error message says it: "-Dkey=value cannot be used; key accepts ...". */
    final String accepts() {
        return accepts;
    }

    /**
     * The value of a trimmed text.
     *
     * @throws Refused when the text is outside what this type accepts
     */
    abstract T read(String text);

    /**
     * Whether a property given as an empty (or blank) value takes its default. True for every type
     * but a selection, where an empty value is more likely a script's mistake than a wish for "all".
     */
    boolean emptyMeansDefault() {
        return true;
    }

    /**
     * The text as another JVM, started in another folder, must be given it: paths made absolute
     * (against the working folder, or against {@code projectFolder} where the type says so).
     */
    String forAnotherJvm(String text, Path projectFolder) {
        return text;
    }

    /** A value this type does not accept; the message, when there is one, says why. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super((String) null);
        }

        Refused(String why) {
            super(why);
        }
    }

    /** A duration from {@code min} to {@code max} (both as {@link #parseDuration} reads them). */
    static ValueType<Duration> duration(String min, String max, String examples) {
        Duration low = parseDuration(min);
        Duration high = parseDuration(max);
        return simple("a duration from " + min + " to " + max + ", such as " + examples, text -> {
            Duration duration = parseDuration(text);
            if (duration == null || duration.compareTo(low) < 0 || duration.compareTo(high) > 0) {
                throw new Refused();
            }
            return duration;
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    static ValueType<Integer> wholeNumber(int min, int max) {
        return simple("a whole number from " + min + " to " + max, text -> {
            try {
                int number = Integer.parseInt(text);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException unreadable) {
                // refused below
            }
            throw new Refused();
        });
    }

    /** One of a few words, in any case; read in lower case. */
    static ValueType<String> oneOf(String... words) {
        List<String> accepted = List.of(words);
        String listed = accepted.size() == 1 ? words[0] : String.join(", ", accepted.subList(0, words.length - 1))
                + " or " + words[words.length - 1];
        return simple(listed, text -> {
            String word = text.toLowerCase(Locale.ROOT);
            if (!accepted.contains(word)) {
                throw new Refused();
            }
            return word;
        });
    }

    /** {@code true} or {@code false}. */
    static ValueType<Boolean> flag() {
        ValueType<String> words = oneOf("true", "false");
        return simple(words.accepts(), text -> words.read(text).equals("true"));
    }

    /** A regular expression over {@code what}; empty matches everything. */
    static ValueType<String> regex(String what) {
        return simple("a regular expression over " + what, text -> {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new Refused("not a regular expression (" + e.getDescription() + ")");
            }
            return text;
        });
    }

    /** Any text, such as a command; {@code accepts} says what it is for. */
    static ValueType<String> text(String accepts) {
        return simple(accepts, text -> text);
    }

    /** Empty, or a text that matches {@code pattern} whole. */
    static ValueType<String> matching(Pattern pattern, String accepts) {
        return simple(accepts, text -> {
            if (!text.isEmpty() && !pattern.matcher(text).matches()) {
                throw new Refused();
            }
            return text;
        });
    }

    /** A whole number, or {@code run} for one drawn from the run's id ({@link Seed}). */
    static ValueType<Seed> seed() {
        return simple("a whole number, or '" + Seed.FROM_RUN + "' for one drawn from the run id", text -> {
            if (!text.equals(Seed.FROM_RUN)) {
                try {
                    Long.parseLong(text);
                } catch (NumberFormatException unreadable) {
                    throw new Refused();
                }
            }
            return new Seed(text);
        });
    }

    /** A folder, as given; another JVM gets it absolute. */
    static ValueType<Path> folder(String accepts) {
        return new ValueType<>(accepts) {
            @Override
            Path read(String text) {
                try {
                    return Path.of(text);
                } catch (InvalidPathException e) {
                    throw new Refused("not a path (" + e.getReason() + ")");
                }
            }

            @Override
            String forAnotherJvm(String text, Path projectFolder) {
                return Path.of(text).toAbsolutePath().normalize().toString();
            }
        };
    }

    /**
     * Empty (look for one), {@code off} (none wanted), or the folder of a JDK of version {@code major} that
     * holds {@code bin/jlink}: read from the folder's {@code release} file, which every JDK since 9 has, so
     * no JVM is started to tell. Another JVM gets the folder absolute.
     */
    static ValueType<String> jdkHome(int major, String off) {
        return new ValueType<>("a JDK " + major + "'s folder, or " + off) {
            @Override
            String read(String text) {
                if (text.isEmpty() || text.equals(off)) {
                    return text;
                }
                Path home;
                try {
                    home = Path.of(text);
                } catch (InvalidPathException e) {
                    throw new Refused("not a path (" + e.getReason() + ")");
                }
                if (!Files.isDirectory(home)) {
                    throw new Refused("there is no such folder");
                }
                String version = releaseVersion(home.resolve("release"));
                if (version == null) {
                    throw new Refused("no JDK there (no release file naming its JAVA_VERSION)");
                }
                if (!version.equals(String.valueOf(major)) && !version.startsWith(major + ".")) {
                    throw new Refused("that is a JDK " + version + ", not " + major);
                }
                if (!Files.isRegularFile(home.resolve("bin").resolve("jlink"))) {
                    throw new Refused("that JDK " + major + " has no bin/jlink");
                }
                return text;
            }

            @Override
            String forAnotherJvm(String text, Path projectFolder) {
                return text.isEmpty() || text.equals(off) ? text : Path.of(text).toAbsolutePath().normalize().toString();
            }
        };
    }

    /** The JAVA_VERSION of a JDK's release file ({@code JAVA_VERSION="25.0.1"}), or null. */
    private static String releaseVersion(Path release) {
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
                }
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Jars or folders separated by the platform's path separator or commas, read as given (empty: none);
     * another JVM gets each of them absolute, a relative one taken from the working folder.
     */
    static ValueType<String> paths(String what) {
        return paths(what, false);
    }

    /**
     * As {@link #paths(String)}, but a relative entry is taken from the project folder, where the user
     * typed the command, not from the folder of the module that runs it.
     */
    static ValueType<String> projectPaths(String what) {
        return paths(what, true);
    }

    private static ValueType<String> paths(String what, boolean fromProjectFolder) {
        return new ValueType<>(what + ", separated by '" + File.pathSeparator + "' or ','") {
            @Override
            String read(String text) {
                return text;
            }

            @Override
            String forAnotherJvm(String text, Path projectFolder) {
                List<String> entries = new ArrayList<>();
                for (String entry : text.split(PATH_SEPARATORS)) {
                    if (!entry.isBlank()) {
                        Path path = Path.of(entry.trim());
                        entries.add((fromProjectFolder ? projectFolder.resolve(path) : path.toAbsolutePath())
                                .normalize().toString());
                    }
                }
                return String.join(File.pathSeparator, entries);
            }
        };
    }

    /** {@code K/N}: part K of a run dealt into N shards. */
    static ValueType<Shard> shard() {
        return simple("K/N with 1 <= K <= N <= " + MAX_SHARDS, text -> {
            Matcher matcher = SHARD.matcher(text);
            if (matcher.matches()) {
                try {
                    int count = Integer.parseInt(matcher.group(2));
                    if (count <= MAX_SHARDS) {
                        return new Shard(Integer.parseInt(matcher.group(1)), count);
                    }
                } catch (IllegalArgumentException outOfRange) {
                    // refused below
                }
            }
            throw new Refused();
        });
    }

    /** A comma list of check ids from the catalogue ({@link Check}); empty: every check. */
    static ValueType<Set<Check>> checks() {
        return simple("a comma list of check ids from the catalogue", text -> {
            if (text.isEmpty()) {
                return Collections.unmodifiableSet(EnumSet.allOf(Check.class));
            }
            Set<Check> chosen = EnumSet.noneOf(Check.class);
            List<String> unknown = new ArrayList<>();
            for (String token : text.split(",")) {
                String id = token.trim();
                if (!id.isEmpty()) {
                    Check.byId(id).ifPresentOrElse(chosen::add, () -> unknown.add("'" + id + "'" + nearestCheck(id)));
                }
            }
            if (!unknown.isEmpty()) {
                throw new Refused("no check is called " + String.join(", ", unknown));
            }
            if (chosen.isEmpty()) {
                throw new Refused("it names no check");
            }
            return Collections.unmodifiableSet(chosen);
        });
    }

    /**
     * What a run checks: names, class names or a comma list, resolved by the registry later. Given
     * but empty, it is refused rather than read as the default.
     */
    static ValueType<String> selection(String accepts) {
        return new ValueType<>(accepts) {
            @Override
            String read(String text) {
                if (text.replace(",", "").isBlank()) {
                    throw new Refused("it is empty (leave it out to check everything)");
                }
                return text;
            }

            @Override
            boolean emptyMeansDefault() {
                return false;
            }
        };
    }

    /**
     * {@code 500ms}, {@code 90s}, {@code 20m}, {@code 1h}, or a number of seconds; null if unreadable.
     */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            switch (unit) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                default:
                    return null;
            }
        } catch (NumberFormatException | IndexOutOfBoundsException | ArithmeticException unreadable) {
            return null;
        }
    }

    private static <T> ValueType<T> simple(String accepts, Function<String, T> reader) {
        return new ValueType<>(accepts) {
            @Override
            T read(String text) {
                return reader.apply(text);
            }
        };
    }

    /** " (did you mean negative-refused?)" for an id a few edits from a check's, else nothing. */
    private static String nearestCheck(String id) {
        List<String> ids = Arrays.stream(Check.values()).map(Check::id).toList();
        String nearest = UnknownNames.nearest(id, ids);
        return nearest != null && UnknownNames.edits(id, nearest) <= Math.max(2, id.length() / 4)
                ? " (did you mean " + nearest + "?)" : "";
    }
}
