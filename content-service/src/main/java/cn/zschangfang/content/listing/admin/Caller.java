package cn.zschangfang.content.listing.admin;

/** Who calls the listing back office: the administrator, or a manager identified by notify-service. */
public record Caller(String id, Role role) {

    /** Roles that may edit listings. */
    public enum Role {
        ADMIN,
        MANAGER
    }

    public static final String REQUEST_ATTRIBUTE = "cn.zschangfang.content.listing.admin.Caller";
}
