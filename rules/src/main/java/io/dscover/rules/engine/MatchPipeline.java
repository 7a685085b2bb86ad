package io.dscover.rules.engine;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.kie.api.KieBase;

/**
 * Where batches get matched and applied: in the calling thread, or on threads of their own — matcher
 * threads that each own a Drools session, and one state thread that applies the matched batches to
 * the run's {@link StateMachines}. Batches come back in the order they were submitted whatever thread
 * matched them (batch k goes to matcher k mod n, each matcher answers in order, and the state thread
 * takes them round-robin), which keeps runs deterministic; the state machines see every batch in
 * order, on one thread, exactly as they would inline.
 *
 * <p>On two cores this splits a run's work roughly in halves: Drools matching on the matcher thread,
 * windows, sequences and beacons on the state thread; the calling thread reads input and writes
 * alerts in between.
 */
abstract sealed class MatchPipeline implements AutoCloseable {

    abstract void submit(Batch b);

    /** The oldest submitted batch, matched and applied; blocks until it is. */
    abstract Batch next();

    /** How many batches may be in flight before the caller must take one back. */
    abstract int depth();

    @Override
    public abstract void close();

    static MatchPipeline create(KieBase base, Map<String, Integer> ruleIndex, int threads, boolean bindGlobal,
                                boolean batched, StateMachines state) {
        return threads <= 0 ? new Inline(new Matcher(base, ruleIndex, bindGlobal, batched), state)
                : new Threaded(base, ruleIndex, threads, bindGlobal, batched, state);
    }

    /** Applies a matched batch; a failure of the state machines is handed back with the batch. */
    static boolean apply(StateMachines state, Batch b) {
        try {
            state.apply(b);
            return true;
        } catch (RuntimeException e) {
            b.stateFailure = e;
            return false;
        }
    }

    /** Everything in the calling thread: no hand-over cost, one core. */
    static final class Inline extends MatchPipeline {
        private final Matcher matcher;
        private final StateMachines state;
        private final ArrayDeque<Batch> done = new ArrayDeque<>(2);

        Inline(Matcher matcher, StateMachines state) {
            this.matcher = matcher;
            this.state = state;
        }

        @Override
        void submit(Batch b) {
            try {
                matcher.match(b);
            } catch (RuntimeException | Error e) {
                b.failure = e;
            }
            if (b.failure == null) {
                apply(state, b);
            }
            done.add(b);
        }

        @Override
        Batch next() {
            return done.poll();
        }

        @Override
        int depth() {
            return 1;
        }

        @Override
        public void close() {
            matcher.close();
        }
    }

    /** Matching on matcher threads, each with its own session, and the state machines on a state thread. */
    static final class Threaded extends MatchPipeline {
        private static final Batch STOP = new Batch(0);

        private final Worker[] workers;
        private final StateMachines state;
        private final Thread stateThread;
        private final BlockingQueue<Batch> done = new LinkedBlockingQueue<>();
        private long submitted;
        private long taken;

        Threaded(KieBase base, Map<String, Integer> ruleIndex, int threads, boolean bindGlobal, boolean batched,
                 StateMachines state) {
            this.state = state;
            workers = new Worker[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(new Matcher(base, ruleIndex, bindGlobal, batched), "dscover-matcher-" + i);
                workers[i].thread.start();
            }
            stateThread = new Thread(this::applyInOrder, "dscover-state");
            stateThread.setDaemon(true);
            stateThread.start();
        }

        /** The state thread: takes matched batches in submission order and applies them. */
        private void applyInOrder() {
            boolean failed = false;
            try {
                for (long k = 0; ; k++) {
                    Batch b = workers[(int) (k % workers.length)].out.take();
                    if (b == STOP) {
                        return;
                    }
                    if (!failed && b.failure == null) {
                        failed = !apply(state, b);
                    }
                    done.put(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        void submit(Batch b) {
            put(workers[(int) (submitted++ % workers.length)].in, b);
        }

        @Override
        Batch next() {
            if (taken == submitted) {
                return null;
            }
            try {
                Batch b = done.take();
                taken++;
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the state machines", e);
            }
        }

        @Override
        int depth() {
            return 2 * workers.length + 2;
        }

        @Override
        public void close() {
            for (Worker w : workers) {
                w.in.offer(STOP);
            }
            try {
                stateThread.join(10_000);
                for (Worker w : workers) {
                    w.thread.join(10_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a run abandoned half-way may have left queues too full for STOP
            stateThread.interrupt();
            for (Worker w : workers) {
                w.thread.interrupt();
            }
        }

        private static void put(BlockingQueue<Batch> q, Batch b) {
            try {
                q.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing a batch to a matcher", e);
            }
        }

        private static final class Worker implements Runnable {
            final BlockingQueue<Batch> in = new ArrayBlockingQueue<>(8);
            final BlockingQueue<Batch> out = new ArrayBlockingQueue<>(8);
            final Matcher matcher;
            final Thread thread;

            Worker(Matcher matcher, String name) {
                this.matcher = matcher;
                this.thread = new Thread(this, name);
                this.thread.setDaemon(true);
            }

            @Override
            public void run() {
                try {
                    while (true) {
                        Batch b = in.take();
                        if (b == STOP) {
                            out.put(STOP);
                            return;
                        }
                        try {
                            matcher.match(b);
                        } catch (RuntimeException | Error e) {
                            b.failure = e;
                        }
                        out.put(b);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    matcher.close();
                }
            }
        }
    }
}
