package cn.zschangfang.site.dashboard;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this instance's current {@link Board} and pushes it to every open screen with Server-Sent Events: at once
 * when a lead arrives, otherwise at most every {@code pushInterval} while live figures change, and after each
 * history read. A screen that connects (or reconnects) gets the current board first, so a dropped stream loses
 * nothing.
 */
public class DashboardHub {

    private static final Logger log = LoggerFactory.getLogger(DashboardHub.class);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);
    /** Below the gateway's 10 s read timeout of the site route, so a quiet stream is not taken for a dead one. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private static final Duration AFTER_LEAD = Duration.ofMillis(1200);

    private final DashboardHistory history;
    private final LiveAggregates live;
    private final BoardAssembler assembler;
    private final DashboardProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-hub");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile DashboardHistory.Snapshot snapshot;
    private volatile Board board;

    public DashboardHub(
            DashboardHistory history, LiveAggregates live, BoardAssembler assembler, DashboardProperties properties) {
        this.history = history;
        this.live = live;
        this.assembler = assembler;
        this.properties = properties;
    }

    /** History is read only once somebody looks: an instance nobody opens a dashboard on stays quiet. */
    private void ensureStarted() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        scheduler.execute(this::refresh);
        scheduler.scheduleWithFixedDelay(
                this::refresh,
                properties.refreshInterval().toMillis(),
                properties.refreshInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                this::pushIfDirty,
                properties.pushInterval().toMillis(),
                properties.pushInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called by the live feed's thread for every event that changed a figure. */
    public void changed(String topic) {
        if (!started.get()) {
            return;
        }
        if ("lead.captured".equals(topic) || "lead.status-changed".equals(topic)) {
            scheduler.execute(this::push); // a new lead is on the screens at once
            if (refreshQueued.compareAndSet(false, true)) {
                // and its town, type and source show up once lead-service's stats contain it
                scheduler.schedule(this::refresh, AFTER_LEAD.toMillis(), TimeUnit.MILLISECONDS);
            }
        } else {
            dirty.set(true);
        }
    }

    public Board board() {
        ensureStarted();
        Board b = board;
        return b != null ? b : assembler.assemble(snapshot, live);
    }

    public SseEmitter connect() {
        ensureStarted();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event()
                    .reconnectTime(2000)
                    .name("board")
                    .data(json.writeValueAsString(board()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    public int screens() {
        return emitters.size();
    }

    private void refresh() {
        refreshQueued.set(false);
        try {
            DashboardHistory.Snapshot next = history.read(snapshot);
            live.historyReadAt(next.readAt());
            snapshot = next;
        } catch (RuntimeException e) {
            log.warn("dashboard history read failed ({})", e.getClass().getSimpleName());
        }
        push();
    }

    private void pushIfDirty() {
        if (dirty.getAndSet(false)) {
            push();
        }
    }

    private void push() {
        try {
            Board b = assembler.assemble(snapshot, live);
            board = b;
            if (emitters.isEmpty()) {
                return;
            }
            String data = json.writeValueAsString(b);
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().name("board").data(data, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException e) {
                    emitters.remove(emitter); // the screen went away
                }
            }
        } catch (RuntimeException e) {
            log.warn("dashboard push failed ({})", e.getClass().getSimpleName());
        }
    }

    private void heartbeat() {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
            }
        }
    }

    /**
     * Ends every open stream as soon as the site starts to shut down, before the web server's graceful phase waits
     * for open requests: a stream never ends by itself, so it held the site (and the gateway proxying it) for the
     * whole shutdown timeout. The screens reconnect, to another instance in a rolling deploy.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyGone) {
                // The screen went away before; its response is recycled.
            }
        }
        emitters.clear();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        endStreams();
    }
}
