package io.nodeplane.api.realtime.socketio;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Schedulers;

/**
 * The Engine.IO 4 heartbeat of one connection: the server pings every {@code interval}; a connection that does
 * not answer within {@code timeout} expires. Any pong restarts the interval.
 */
final class Heartbeat {

    private final Duration interval;
    private final Duration timeout;
    private final Runnable ping;
    private final Runnable expire;
    private Disposable timer = Disposables.disposed(); // guarded by this
    private boolean stopped; // guarded by this

    Heartbeat(Duration interval, Duration timeout, Runnable ping, Runnable expire) {
        this.interval = interval;
        this.timeout = timeout;
        this.ping = ping;
        this.expire = expire;
    }

    synchronized void start() {
        if (!stopped) {
            timer = Schedulers.parallel().schedule(this::sendPing, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void pong() {
        timer.dispose();
        start();
    }

    synchronized void stop() {
        stopped = true;
        timer.dispose();
    }

    private void sendPing() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            timer = Schedulers.parallel().schedule(expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        // outside the lock: a full outbox closes the connection, which stops this heartbeat
        ping.run();
    }
}
