package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The stand-in's journal: a write command's reply waits until a commit of the store has included it, and the commands
 * that arrive while one commit runs share the next. Measured in session 20 on the bench (one run each, results in
 * bench/results/2026-12-07-s20-*): a commit on each command's own thread took speed to lead at 50 leads/s over 200
 * agents from p99 2.9 s to 21 s, this to 12.6 s; holding commits 10 ms apart to group more made every write of a
 * lead's chain wait (speed to lead at 10 leads/s p50 22 → 106 ms), so a commit starts as soon as the last ends.
 */
final class GroupCommit implements AutoCloseable {

    /** The commands that change data, as the wire protocol names them (any case). */
    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "dropindexes",
            "drop",
            "dropdatabase",
            "renamecollection");

    private final MVStore store;
    private long requested;
    private long committed;
    private boolean closed;
    private boolean failed;

    GroupCommit(MVStore store) {
        this.store = store;
        Thread committer = new Thread(this::run, "mongo-wire-commit");
        committer.setDaemon(true);
        committer.start();
    }

    static boolean writes(String command) {
        return WRITES.contains(command.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns once a commit that began after this call has finished; throws when the store could not commit, so that
     * the client is answered with an error instead of an acknowledgement.
     */
    synchronized void awaitCommit() {
        long mine = ++requested;
        notifyAll();
        boolean interrupted = false;
        while (committed < mine && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed || committed < mine) {
            throw new MongoServerException("the stand-in could not commit this write to its store");
        }
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                while (requested == committed && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closed = true;
                        notifyAll();
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                target = requested;
            }
            // Every write of the requests up to target happened before it asked, so this commit holds them all.
            boolean ok = false;
            try {
                store.commit();
                ok = true;
            } finally {
                synchronized (this) {
                    if (ok) {
                        committed = target;
                    } else {
                        failed = true;
                        closed = true;
                    }
                    notifyAll();
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
