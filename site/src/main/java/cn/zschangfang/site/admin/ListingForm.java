package cn.zschangfang.site.admin;

import static cn.zschangfang.site.admin.Field.options;

import cn.zschangfang.site.admin.Field.Group;
import cn.zschangfang.site.listing.ListingText;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listing editor's fields, grouped as an agent describes a factory, with content-service's names
 * ({@code content.listing.model.ListingSpec}; RESO names where one exists) and its limits, so the browser refuses
 * what the service would. The labels are the enums' Chinese labels (deal, type and rent unit: the visitor pages',
 * {@link ListingText}).
 */
final class ListingForm {

    static final Map<String, String> STATUS = options(
            "DRAFT", "草稿",
            "PENDING_REVIEW", "待审核",
            "PUBLISHED", "上架",
            "LEASED", "已租",
            "SOLD", "已售",
            "WITHDRAWN", "下架");

    /** Fields of ListingSpec this form does not edit: carried over unchanged on save (PUT replaces the whole spec). */
    static final Set<String> CARRIED_OVER = Set.of("slug", "floorSpecs", "demo");

    /** Where a service error on a field this form shows differently belongs. */
    static final Map<String, String> ERROR_AT = Map.of("lotSizeMu", "lotSizeArea");

    private ListingForm() {}

    static List<Group> groups(Map<String, String> towns) {
        return List.of(
                new Group(
                        "basic",
                        "基本信息",
                        List.of(
                                Field.text("title", "标题", 120)
                                        .asRequired()
                                        .asWide()
                                        .withHint("例如：火炬开发区 单层钢构厂房 3000㎡ 可办环评"),
                                Field.select("deal", "交易类型", ListingText.DEAL).asRequired(),
                                Field.select("propertyType", "物业类型", ListingText.TYPE)
                                        .asRequired(),
                                Field.select("leaseMode", "租赁方式", options("WHOLE", "整租", "DIVISIBLE", "分租")),
                                Field.number("minDivisibleSqm", "最小分租面积", "㎡", "1", "10000000", "0.01")
                                        .withHint("分租时填写"),
                                Field.select("town", "镇街", towns).asRequired(),
                                Field.text("park", "园区", 100),
                                Field.text("address", "地址", 200).asWide(),
                                Field.text("agentId", "负责经纪人", 64).asRequired().withHint("经纪人编号，如 demo-liwei"),
                                Field.textarea("description", "房源描述", 5000))),
                new Group(
                        "area",
                        "面积与结构",
                        List.of(
                                Field.number("buildingAreaTotal", "建筑面积", "㎡", "1", "10000000", "0.01"),
                                Field.number("usableArea", "实用面积", "㎡", "1", "10000000", "0.01"),
                                Field.number("lotSizeArea", "占地面积", "㎡", "0.01", "100000000", "0.01")
                                        .withHint("可切换 ㎡ / 亩（1 亩 = 666.67 ㎡）"),
                                Field.select(
                                        "buildingForm", "建筑形式", options("SINGLE_STOREY", "单层", "MULTI_STOREY", "多层")),
                                Field.integer("floor", "所在楼层", "层", "-5", "200"),
                                Field.integer("floorsTotal", "总层数", "层", "1", "200"),
                                Field.select(
                                        "structure",
                                        "结构",
                                        options(
                                                "STEEL_FRAME", "钢结构",
                                                "REINFORCED_CONCRETE", "钢筋混凝土框架",
                                                "BRICK_CONCRETE", "砖混",
                                                "OTHER", "其他")),
                                Field.number("clearHeightM", "层高（净高）", "米", "1", "60", "0.1"),
                                Field.number("floorLoadTonsPerSqm", "楼面承重", "吨/㎡", "0.1", "100", "0.1"))),
                new Group(
                        "power",
                        "配电与消防",
                        List.of(
                                Field.integer("powerKva", "配电", "kVA", "1", "1000000"),
                                Field.integer("powerExpandableToKva", "可扩容至", "kVA", "1", "1000000"),
                                Field.select(
                                        "fireHazardClass",
                                        "消防等级（火灾危险性）",
                                        options("A", "甲类", "B", "乙类", "C", "丙类", "D", "丁类", "E", "戊类")),
                                Field.select(
                                        "fireResistanceGrade",
                                        "耐火等级",
                                        options("GRADE_1", "一级", "GRADE_2", "二级", "GRADE_3", "三级", "GRADE_4", "四级")),
                                Field.bool("sprinklers", "有喷淋"),
                                Field.number("craneTonnage", "行车", "吨", "0", "1000", "0.1"),
                                Field.bool("freightLift", "有货梯"),
                                Field.number("freightLiftTons", "货梯载重", "吨", "0", "100", "0.1"),
                                Field.bool("dock", "有卸货平台"))),
                new Group(
                        "title",
                        "产权与环评",
                        List.of(
                                Field.select(
                                        "titleType",
                                        "产权",
                                        options(
                                                "RED_BOOK",
                                                "红本",
                                                "COLLECTIVE",
                                                "集体",
                                                "CONTRACT_ONLY",
                                                "仅租赁合同",
                                                "OTHER",
                                                "其他")),
                                Field.select(
                                        "landUse",
                                        "土地性质",
                                        options(
                                                "M0",
                                                "M0新型产业",
                                                "M1",
                                                "M1一类工业",
                                                "M2",
                                                "M2二类工业",
                                                "M3",
                                                "M3三类工业",
                                                "WAREHOUSING",
                                                "仓储")),
                                Field.integer("remainingTermYears", "剩余年限", "年", "0", "99"),
                                Field.select(
                                        "eiaStatus",
                                        "环评",
                                        options(
                                                "APPROVED",
                                                "已有环评",
                                                "OBTAINABLE",
                                                "可办环评",
                                                "NOT_OBTAINABLE",
                                                "不可办环评",
                                                "UNKNOWN",
                                                "未知")),
                                Field.list("allowedIndustries", "适合行业", "用逗号或顿号分隔，如：五金、电子、包装"),
                                Field.list("forbiddenIndustries", "禁止行业", "如：电镀、印染"))),
                new Group(
                        "price",
                        "租金与售价",
                        List.of(
                                Field.number("leaseAmount", "租金", null, "0", "100000000", "0.01"),
                                Field.select("leaseAmountFrequency", "租金单位", ListingText.RENT_UNIT),
                                Field.bool("taxIncluded", "租金含税"),
                                Field.bool("propertyFeeIncluded", "含物业费"),
                                Field.number("propertyFeeYuanPerSqmMonth", "物业费", "元/㎡/月", "0", "1000", "0.01"),
                                Field.integer("depositMonths", "押金", "个月", "0", "24"),
                                Field.integer("paymentIntervalMonths", "付款周期", "个月", "1", "24"),
                                Field.integer("rentFreeDays", "免租期", "天", "0", "3650"),
                                Field.integer("minLeaseTermMonths", "最短租期", "个月", "1", "1200"),
                                Field.number("listPriceWan", "售价", "万元", "0", "10000000", "0.01"))),
                new Group(
                        "amenities",
                        "配套",
                        List.of(Field.multi(
                                "amenities",
                                "配套设施",
                                options("DORMITORY", "宿舍", "CANTEEN", "食堂", "OFFICE", "办公", "PARKING", "停车")))));
    }
}
