package dev.waitgroup.examples;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graceful shutdown of request handlers: stop accepting, wait for the requests in flight, but not
 * forever. The WaitGroup counts requests in flight; {@link #shutdown} closes the door, then waits
 * with a bound and says whether everything finished.
 *
 * <p>The door and the counter must agree: a request admitted just as the door closes must be
 * counted before the shutdown waits, or it would run unwatched. So admission checks the door and
 * adds to the group under one lock that {@code shutdown} also takes to close the door.
 */
public final class GracefulShutdown {

    /** A toy server whose handlers take {@code work} each. */
    public static final class Server {
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private final WaitGroup inFlight = new CasSpinWaitGroup();
        private final Object door = new Object();
        private final AtomicInteger completed = new AtomicInteger();
        private final Duration work;
        private boolean closed; // guarded by door

        public Server(Duration work) {
            this.work = work;
        }

        /** Accepts a request, or refuses it once shutdown has begun. */
        public boolean handle(int request) {
            synchronized (door) {
                if (closed) {
                    return false;
                }
                inFlight.go(handlers, () -> serve(request));
                return true;
            }
        }

        private void serve(int request) {
            try {
                Thread.sleep(work.toMillis());
                completed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // abandoned by a shutdown that gave up waiting
            }
        }

        /**
         * Stops accepting, then waits at most {@code grace} for the requests in flight.
         *
         * @return true if every admitted request finished in time
         */
        public boolean shutdown(Duration grace) throws InterruptedException {
            synchronized (door) {
                closed = true;
            }
            boolean drained = inFlight.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (drained) {
                handlers.shutdown();
            } else {
                handlers.shutdownNow(); // interrupt the stragglers
            }
            return drained;
        }

        public int completed() {
            return completed.get();
        }

        public int inFlight() {
            return inFlight.count();
        }
    }

    private GracefulShutdown() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Server server = new Server(Duration.ofMillis(50));
        int admitted = 0;
        for (int request = 1; request <= 20; request++) {
            if (server.handle(request)) {
                admitted++;
            }
        }
        out.println(admitted + " requests admitted, " + server.inFlight() + " in flight; shutting down");
        boolean drained = server.shutdown(Duration.ofSeconds(2));
        out.println(drained ? "drained: all " + server.completed() + " requests completed"
                : "gave up waiting: " + server.completed() + " completed, the rest interrupted");
        out.println("after shutdown, request 21 " + (server.handle(21) ? "was admitted (a bug)" : "was refused"));
    }
}
