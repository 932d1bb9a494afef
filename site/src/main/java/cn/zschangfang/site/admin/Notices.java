package cn.zschangfang.site.admin;

import java.util.Map;

/**
 * The confirmation after a redirect, as {@code ?done=<code>}: a fixed message per code, never text from the URL.
 * Not a flash attribute: that would need a servlet session, which lives in one site instance only (sessions are in
 * MongoDB so that any instance serves any page).
 */
final class Notices {

    private static final Map<String, String> MESSAGES = Map.of(
            "created", "已保存为草稿，可以上传照片并提交审核",
            "saved", "已保存",
            "status", "状态已更新",
            "verified", "已记录核实时间",
            "photo", "照片已上传",
            "photo-deleted", "照片已删除",
            "published", "已发布",
            "unpublished", "已撤回为草稿",
            "article-created", "文章已保存为草稿");

    private Notices() {}

    static String of(String code) {
        return code == null ? null : MESSAGES.get(code);
    }
}
