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
}
