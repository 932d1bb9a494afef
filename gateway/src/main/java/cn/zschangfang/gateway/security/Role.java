package cn.zschangfang.gateway.security;

/** The platform's roles; PUBLIC is simply an anonymous request. */
public enum Role {
    PUBLIC,
    AGENT,
    MANAGER,
    ADMIN
}
