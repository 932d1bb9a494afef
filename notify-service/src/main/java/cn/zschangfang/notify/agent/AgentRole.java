package cn.zschangfang.notify.agent;

/** What an agent does, stored by name in {@code agents.spec.role}. */
public enum AgentRole {
    /** Receives leads by routing. */
    AGENT,
    /** Receives only what is escalated or unroutable (the duty manager). */
    MANAGER
}
