package cn.zschangfang.site.admin;

import cn.zschangfang.site.config.SiteProperties;
import cn.zschangfang.site.inquiry.Areas;
import cn.zschangfang.site.listing.ListingText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The choices of the back office's forms: the town reference list (the inquiry form's) and the enum labels. */
@Component
class AdminOptions {

    /** Chinese labels of the services' enum values, by enumeration, for lists and badges. */
    static final Map<String, Map<String, String>> LABELS = Map.of(
            "deal", ListingText.DEAL,
            "propertyType", ListingText.TYPE,
            "status", ListingForm.STATUS,
            "leaseAmountFrequency", ListingText.RENT_UNIT,
            "leadPropertyType", AgentForm.PROPERTY_TYPES,
            "intent", AgentForm.INTENTS,
            "agentRole", AgentForm.ROLES,
            "channel", AgentForm.CHANNELS,
            "auditAction",
                    Field.options(
                            "CREATED", "新建房源",
                            "UPDATED", "修改房源",
                            "STATUS_CHANGED", "状态变更",
                            "PHOTO_ADDED", "上传照片",
                            "PHOTO_DELETED", "删除照片",
                            "VERIFIED", "核实",
                            "IMPORTED", "导入",
                            "ARTICLE_CHANGED", "文章变更"));

    private final List<Areas.Group> townGroups;
    private final Map<String, String> towns;

    AdminOptions(ResourceLoader resources, SiteProperties properties) {
        Areas areas = Areas.load(
                resources.getResource(properties.areas()), JsonMapper.builder().build());
        this.townGroups = areas.groups();
        Map<String, String> flat = new LinkedHashMap<>();
        townGroups.forEach(g -> g.names().forEach(n -> flat.put(n, n)));
        this.towns = java.util.Collections.unmodifiableMap(flat);
    }

    List<Areas.Group> townGroups() {
        return townGroups;
    }

    /** Every town, for validation (the form shows {@link #townGroups()}). */
    Map<String, String> towns() {
        return towns;
    }
}
