package cn.zschangfang.content.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** How the view pipeline's classes register their counters: every one carries a description (Prometheus' HELP). */
final class ViewMeters {

    private ViewMeters() {}

    static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
