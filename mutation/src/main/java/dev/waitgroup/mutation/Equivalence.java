package dev.waitgroup.mutation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutants declared equivalent: changes that cannot alter what any caller can observe of the
 * contract (a spin count, a hint to the scheduler), each with its reason. Declared in
 * {@code equivalent-mutants.tsv} beside this class: class, method, mutator, a piece of the source line,
 * the reason.
 */
final class Equivalence {
    static final String FILE = "equivalent-mutants.tsv";

    /** One declaration. */
    record Declared(String className, String method, String mutator, String lineContains, String reason) {
        boolean matches(String className, String method, String mutator, String sourceLine) {
            return this.className.equals(className) && this.method.equals(method) && this.mutator.equals(mutator)
                    && sourceLine != null && sourceLine.contains(lineContains);
        }
    }

    private final List<Declared> declared;

    private Equivalence(List<Declared> declared) {
        this.declared = List.copyOf(declared);
    }

    static Equivalence of(List<Declared> declared) {
        return new Equivalence(declared);
    }

    static Equivalence declared() {
        List<Declared> declared = new ArrayList<>();
        try (InputStream in = Equivalence.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing beside " + Equivalence.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 5) {
                    throw new IllegalStateException(FILE + ": expected 5 tab-separated fields, got: " + line);
                }
                declared.add(new Declared(fields[0], fields[1], fields[2], fields[3], fields[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Equivalence(declared);
    }

    /** Why this mutant is equivalent; null when it is not declared so. */
    String reason(String className, String method, String mutator, String sourceLine) {
        for (Declared entry : declared) {
            if (entry.matches(className, method, mutator, sourceLine)) {
                return entry.reason();
            }
        }
        return null;
    }

    List<Declared> all() {
        return declared;
    }
}
