package dev.waitgroup.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.impl.AqsWaitGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry and the {@code wg.impl} / {@code wg.classpath} selection rules. */
class ImplementationsTest {

    @Test
    void theRegistryHoldsFiveImplementationsAndTheSpecimens() {
        assertEquals(List.of("aqs", "phaser", "lock", "cas", "go"), names(Implementations.ofKind(ImplementationKind.IMPLEMENTATION)));
        List<Implementation> specimens = Implementations.ofKind(ImplementationKind.SPECIMEN);
        assertTrue(specimens.size() >= 3, "at least three specimens");
        for (Implementation specimen : specimens) {
            assertTrue(specimen.type().getPackageName().endsWith(".specimen"), specimen + " lives with the specimens");
        }
        assertEquals(Implementations.all().size(), 5 + specimens.size());
    }

    @Test
    void everyEntryCreatesAFreshZeroGroup() {
        for (Implementation entry : Implementations.all()) {
            WaitGroup first = entry.create();
            WaitGroup second = entry.create();
            assertEquals(0, first.count(), entry.name());
            assertTrue(first != second, entry.name() + " must create a new group each time");
        }
    }

    @Test
    void aSelectionIsANameAKeywordOrACommaList() {
        assertEquals(names(Implementations.all()), names(Implementations.select("all", "")));
        assertEquals(List.of("go", "aqs"), names(Implementations.select("go, aqs,,go", "")));
        assertEquals(names(Implementations.ofKind(ImplementationKind.SPECIMEN)), names(Implementations.select("specimens", "")));
        assertEquals(List.of("aqs", "phaser", "lock", "cas", "go", "lost-update"),
                names(Implementations.select("implementations,lost-update", "")));
    }

    @Test
    void aBuiltInClassNameSelectsItsRegistryEntry() {
        assertSame(Implementations.named("aqs"), Implementations.select(AqsWaitGroup.class.getName(), "").get(0));
    }

    @Test
    void anyWaitGroupClassOnTheClasspathCanBePluggedIn() {
        Implementation plugged = Implementations.select(CountingWaitGroup.class.getName(), "").get(0);
        assertEquals(ImplementationKind.PLUGGED_IN, plugged.kind());
        assertEquals("CountingWaitGroup", plugged.name());
        assertEquals(ReuseBehaviour.UNKNOWN, plugged.documentedReuse());
        assertEquals(0, plugged.create().count());
    }

    @Test
    void aClassInAJarOrFolderOfWgClasspathCanBePluggedIn(@TempDir Path folder) throws IOException {
        Path classes = compileAcmeWaitGroup(folder);

        Implementation acme = Implementations.select("com.acme.AcmeWaitGroup", classes.toString()).get(0);
        assertEquals("AcmeWaitGroup", acme.name());
        WaitGroup group = acme.create();
        group.add(2);
        assertEquals(2, group.count());
    }

    @Test
    void aBlankSelectionSelectsNothingAndIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Implementations.select(" , ", ""));
        assertTrue(e.getMessage().startsWith("wg.impl=' , ' selects nothing"), e.getMessage());
    }

    @Test
    void aSpecimenCarriesItsBugAndItsLessonFromItsOwnSource() {
        ImplementationInfo info = Implementations.named("lost-update").info();
        assertEquals(Bug.LOST_UPDATE, info.bug());
        assertEquals(Bug.LOST_UPDATE.title(), info.summary());
        assertEquals("dev/waitgroup/specimen/LostUpdateWaitGroup.java", info.lesson().source());
        assertTrue(info.lesson().whyHtml().contains("<b>lost update</b>"), info.lesson().whyHtml());
        assertTrue(info.lesson().fixHtml().startsWith("Fix:"), info.lesson().fixHtml());
        assertTrue(info.lesson().code().contains("public final class LostUpdateWaitGroup"), "the code after the comment");
        assertEquals(null, Implementations.named("aqs").info().lesson(), "an implementation is no lesson");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheValueAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select("aqs,spinlock", ""));
        assertTrue(e.getMessage().contains("'spinlock'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected all, implementations, specimens, one of aqs"), e.getMessage());
    }

    @Test
    void aClassThatIsNotAWaitGroupIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select("java.lang.String", ""));
        assertTrue(e.getMessage().contains("java.lang.String does not implement dev.waitgroup.WaitGroup"),
                e.getMessage());
    }

    @Test
    void aMissingClassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select("com.acme.Missing", ""));
        assertTrue(e.getMessage().contains("com.acme.Missing was not found"), e.getMessage());
    }

    @Test
    void aWaitGroupWithoutAPublicNoArgumentConstructorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select(NeedsAnArgument.class.getName(), ""));
        assertTrue(e.getMessage().contains("has no public no-argument constructor"), e.getMessage());
    }

    @Test
    void anAbstractWaitGroupIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select(AbstractWaitGroup.class.getName(), ""));
        assertTrue(e.getMessage().contains(AbstractWaitGroup.class.getName() + " is abstract"), e.getMessage());
    }

    @Test
    void aMissingClasspathEntryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select("com.acme.AcmeWaitGroup", "/no/such/folder"));
        assertTrue(e.getMessage().startsWith("wg.classpath: /no/such/folder does not exist"), e.getMessage());
    }

    /** A misspelt name gets the names of what wg.classpath does hold, so the user sees the slip at once. */
    @Test
    void aMisspeltClassIsRefusedNamingTheWaitGroupsThatWgClasspathHolds(@TempDir Path folder) throws IOException {
        Path classes = compileAcmeWaitGroup(folder);
        Path jar = folder.resolve("acme.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/acme/AcmeWaitGroup.class"));
            out.write(Files.readAllBytes(classes.resolve("com/acme/AcmeWaitGroup.class")));
            out.closeEntry();
        }
        for (Path entry : List.of(classes, jar)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Implementations.select("com.acme.AcmeWaitgroup", entry.toString()));
            assertTrue(e.getMessage().contains("class com.acme.AcmeWaitgroup was not found on the classpath or in"
                    + " wg.classpath='" + entry + "' (wg.classpath holds this WaitGroup: com.acme.AcmeWaitGroup)"),
                    e.getMessage());
        }
        Path empty = Files.createDirectories(folder.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Implementations.select("com.acme.AcmeWaitGroup", empty.toString()));
        assertTrue(e.getMessage().contains("(wg.classpath holds no class that implements dev.waitgroup.WaitGroup)"),
                e.getMessage());
    }

    /** Compiles com.acme.AcmeWaitGroup, a correct group outside every module, into {@code folder}/classes. */
    private static Path compileAcmeWaitGroup(Path folder) throws IOException {
        Path source = folder.resolve("src/com/acme/AcmeWaitGroup.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package com.acme;",
                "public class AcmeWaitGroup implements dev.waitgroup.WaitGroup {",
                "  private final dev.waitgroup.impl.LockConditionWaitGroup delegate = new dev.waitgroup.impl.LockConditionWaitGroup();",
                "  public void add(int delta) { delegate.add(delta); }",
                "  public void await() throws InterruptedException { delegate.await(); }",
                "  public boolean await(long t, java.util.concurrent.TimeUnit u) throws InterruptedException { return delegate.await(t, u); }",
                "  public int count() { return delegate.count(); }",
                "}"));
        Path classes = Files.createDirectories(folder.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString());
        assertEquals(0, status, "the plugged-in class compiles");

        return classes;
    }

    private static List<String> names(List<Implementation> entries) {
        return entries.stream().map(Implementation::name).collect(Collectors.toList());
    }

    /** A plugged-in WaitGroup as a user would write one (delegating, for brevity). */
    public static class CountingWaitGroup implements WaitGroup {
        private final WaitGroup delegate = new AqsWaitGroup();

        @Override
        public void add(int delta) {
            delegate.add(delta);
        }

        @Override
        public void await() throws InterruptedException {
            delegate.await();
        }

        @Override
        public boolean await(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
            return delegate.await(timeout, unit);
        }

        @Override
        public int count() {
            return delegate.count();
        }
    }

    /** Not selectable: the harness needs a fresh group per check. */
    public static class NeedsAnArgument extends CountingWaitGroup {
        public NeedsAnArgument(int initial) {
            add(initial);
        }
    }

    /** Not selectable either: nothing to create. */
    public abstract static class AbstractWaitGroup implements WaitGroup {
    }
}
