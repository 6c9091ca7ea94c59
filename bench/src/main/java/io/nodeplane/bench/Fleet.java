package io.nodeplane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Registers simulated agents (legacy register with the shared enrollment token), a few at a time. */
final class Fleet {

    private Fleet() {
    }

    static List<Target.Agent> register(Target target, String enrollmentToken, String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Target.Agent>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String host = String.format("%s-%05d.bench", prefix, i);
                pending.add(pool.submit(() -> target.register(enrollmentToken, host)));
            }
            List<Target.Agent> agents = new ArrayList<>();
            for (Future<Target.Agent> f : pending) {
                agents.add(f.get());
            }
            return agents;
        } finally {
            pool.shutdownNow();
        }
    }
}
