package cn.zschangfang.lead.access;

/** Who is calling: ADMIN (the admin token), MANAGER or AGENT (verified by notify-service). */
public record Caller(String id, String name, Role role) {

    public enum Role {
        ADMIN,
        MANAGER,
        AGENT
    }

    public boolean seesAll() {
        return role == Role.ADMIN || role == Role.MANAGER;
    }

    /**
     * Whether the caller may open a lead assigned to {@code assigneeId}: its agent, a manager or the admin. Anyone
     * else is answered as for an unknown id, so lead ids cannot be probed.
     */
    public boolean mayOpen(String assigneeId) {
        return seesAll() || id.equals(assigneeId);
    }
}
