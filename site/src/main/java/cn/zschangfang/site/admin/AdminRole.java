package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.SiteSession;

/**
 * Who may do what in the back office. notify has no notion of a team, so a MANAGER manages listings only; agents,
 * articles and the audit log are ADMIN's.
 */
public enum AdminRole {
    ADMIN,
    MANAGER;

    /** Empty for a session that has no business here (an agent). */
    static java.util.Optional<AdminRole> of(SiteSession session) {
        return switch (session.role() == null ? "" : session.role()) {
            case "ADMIN" -> java.util.Optional.of(ADMIN);
            case "MANAGER" -> java.util.Optional.of(MANAGER);
            default -> java.util.Optional.empty();
        };
    }

    /** MANAGER: the overview and listings ({@code /admin}, {@code /admin/listings/**}, sign-out). */
    boolean mayOpen(String path) {
        if (this == ADMIN) {
            return true;
        }
        return path.equals("/admin")
                || path.equals("/admin/")
                || path.equals("/admin/logout")
                || path.equals("/admin/listings")
                || path.startsWith("/admin/listings/");
    }
}
