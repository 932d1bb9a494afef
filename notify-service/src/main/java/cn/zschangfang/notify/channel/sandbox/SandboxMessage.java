package cn.zschangfang.notify.channel.sandbox;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A message the sandbox robot received, exactly as posted. */
@Document("sandbox_messages")
public record SandboxMessage(@Id String id, String robotKey, Instant receivedAt, Map<String, Object> body) {}
