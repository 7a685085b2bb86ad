package io.dscover.rules.engine;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.kie.api.KieBase;

/**
 * Where batches get matched: in the calling thread, or on worker threads that each own a session.
 * Batches come back in the order they were submitted whatever thread matched them (batch k goes to
 * worker k mod n, and each worker answers in order), which keeps runs deterministic.
 */
abstract sealed class MatchPipeline implements AutoCloseable {

    abstract void submit(Batch b);

    /** The oldest submitted batch, matched; blocks until it is. */
    abstract Batch next();

    /** How many batches may be in flight before the caller must take one back. */
    abstract int depth();

    @Override
    public abstract void close();

    static MatchPipeline create(KieBase base, Map<String, Integer> ruleIndex, int threads, boolean bindGlobal) {
        return threads <= 0 ? new Inline(new Matcher(base, ruleIndex, bindGlobal))
                : new Threaded(base, ruleIndex, threads, bindGlobal);
    }

    /** Matching in the calling thread: no hand-over cost, one core. */
    static final class Inline extends MatchPipeline {
        private final Matcher matcher;
        private final ArrayDeque<Batch> done = new ArrayDeque<>(2);

        Inline(Matcher matcher) {
            this.matcher = matcher;
        }

        @Override
        void submit(Batch b) {
            try {
                matcher.match(b);
            } catch (RuntimeException | Error e) {
                b.failure = e;
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

    /** Matching on worker threads, each with its own session, while the caller runs the state machines. */
    static final class Threaded extends MatchPipeline {
        private static final Batch STOP = new Batch(0);

        private final Worker[] workers;
        private long submitted;
        private long taken;

        Threaded(KieBase base, Map<String, Integer> ruleIndex, int threads, boolean bindGlobal) {
            workers = new Worker[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(new Matcher(base, ruleIndex, bindGlobal), "dscover-matcher-" + i);
                workers[i].thread.start();
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
                return workers[(int) (taken++ % workers.length)].out.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a matcher", e);
            }
        }

        @Override
        int depth() {
            return 2 * workers.length + 1;
        }

        @Override
        public void close() {
            for (Worker w : workers) {
                w.in.offer(STOP);
            }
            for (Worker w : workers) {
                try {
                    w.thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
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
