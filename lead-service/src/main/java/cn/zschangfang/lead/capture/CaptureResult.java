package cn.zschangfang.lead.capture;

import java.time.Instant;

/** The answer to a capture: 201 for a new lead, 200 with {@code duplicate=true} for a merged one. */
public record CaptureResult(String id, String status, Instant receivedAt, boolean duplicate) {}
