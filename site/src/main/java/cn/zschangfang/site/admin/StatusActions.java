package cn.zschangfang.site.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The status buttons a listing offers, from content-service's life cycle (草稿 → 待审核 → 上架 → 已租/已售 → 下架;
 * 已租 only for a lease, 已售 only for a sale). The service refuses any other transition with 409 regardless.
 */
public record StatusActions(String status, String label, boolean primary, boolean needsReason) {

    static List<StatusActions> of(String current, String deal) {
        List<StatusActions> actions = new ArrayList<>();
        switch (current) {
            case "DRAFT" -> {
                actions.add(new StatusActions("PENDING_REVIEW", "提交审核", true, false));
                actions.add(new StatusActions("WITHDRAWN", "下架", false, true));
            }
            case "PENDING_REVIEW" -> {
                actions.add(new StatusActions("PUBLISHED", "审核通过并上架", true, false));
                actions.add(new StatusActions("DRAFT", "退回修改", false, true));
                actions.add(new StatusActions("WITHDRAWN", "下架", false, true));
            }
            case "PUBLISHED" -> {
                if (!"SALE".equals(deal)) {
                    actions.add(new StatusActions("LEASED", "标记已租", false, false));
                }
                if (!"LEASE".equals(deal)) {
                    actions.add(new StatusActions("SOLD", "标记已售", false, false));
                }
                actions.add(new StatusActions("WITHDRAWN", "下架", false, true));
            }
            case "LEASED", "SOLD" -> actions.add(new StatusActions("WITHDRAWN", "下架", false, true));
            case "WITHDRAWN" -> actions.add(new StatusActions("DRAFT", "重新编辑（转为草稿）", false, false));
            default -> {}
        }
        return actions;
    }
}
