package cn.zschangfang.gateway.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What notify-service says about a valid agent token ({@code role} is AGENT or MANAGER). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentIdentity(String agentId, String name, String role) {}
