package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.lead.inquiry.SourceListing;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.territory.Towns;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ApiException.FieldError;
import cn.zschangfang.platform.text.MobileNumbers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks every field and reports all problems at once, each with a stable code and a message a Chinese form can
 * show next to the field.
 */
@Component
public class InquiryValidator {

    /** 1 亩 in square metres. */
    public static final double SQM_PER_MU = 666.67;

    private static final double MAX_AREA_SQM = 10_000_000;

    private final Towns towns;
    private final int maxMessageLength;
    private final ListingIndex listings;
    private final Clock clock;

    public InquiryValidator(Towns towns, LeadProperties properties, ListingIndex listings, Clock clock) {
        this.towns = towns;
        this.maxMessageLength = properties.maxMessageLength();
        this.listings = listings;
        this.clock = clock;
    }

    public ValidInquiry validate(CaptureRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Lead.Intent intent = enumValue(Lead.Intent.class, request.intent(), "intent", "意向（租赁/购买）", errors);
        Lead.PropertyType type =
                enumValue(Lead.PropertyType.class, request.propertyType(), "propertyType", "物业类型", errors);

        String town = null;
        if (blank(request.town())) {
            errors.add(new FieldError("town", "required", "请选择所在镇街"));
        } else {
            Optional<String> resolved = towns.resolve(request.town());
            if (resolved.isEmpty()) {
                errors.add(new FieldError("town", "unknown_town", "请选择中山市的镇街或开发区"));
            } else {
                town = resolved.get();
            }
        }

        String name = text(request.contactName(), "contactName", "联系人", 50, true, errors);
        String phone = null;
        if (blank(request.phone())) {
            errors.add(new FieldError("phone", "required", "请填写手机号码"));
        } else {
            phone = MobileNumbers.normalize(request.phone()).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("phone", "invalid_phone", "请输入有效的11位中国大陆手机号码"));
            }
        }
        if (!Boolean.TRUE.equals(request.consent())) {
            errors.add(new FieldError("consent", "consent_required", "请勾选同意我们与您联系"));
        }
        String use = text(request.use(), "use", "用途", 100, false, errors);
        String company = text(request.company(), "company", "公司名称", 100, false, errors);
        String message = text(request.message(), "message", "留言", maxMessageLength, false, errors);
        String source = text(request.sourceArticle(), "sourceArticle", "来源文章", 200, false, errors);
        String visitor = text(request.visitorId(), "visitorId", "访客标识", 100, false, errors);

        Double tax = request.expectedAnnualTaxWan();
        if (tax != null && (tax.isNaN() || tax < 0 || tax > 10_000_000)) {
            errors.add(new FieldError("expectedAnnualTaxWan", "out_of_range", "预计年纳税额（万元）应为不小于0的数字"));
        }
        Lead.Range sqm = range(request.areaSqm(), "areaSqm", 1, errors);
        Lead.Range mu = range(request.areaMu(), "areaMu", SQM_PER_MU, errors);
        Requirements requirements = RequirementsValidator.validate(request.requirements(), clock, errors);
        SourceListing sourceListing = sourceListing(request.sourceListing(), errors);

        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (sqm == null && mu != null) {
            sqm = new Lead.Range(convert(mu.min(), SQM_PER_MU), convert(mu.max(), SQM_PER_MU));
        } else if (mu == null && sqm != null) {
            mu = new Lead.Range(convert(sqm.min(), 1 / SQM_PER_MU), convert(sqm.max(), 1 / SQM_PER_MU));
        }
        return new ValidInquiry(
                new Lead.Inquiry(intent, type, town, sqm, mu, use, tax, message),
                new Lead.Contact(name, phone, company),
                source,
                visitor,
                Boolean.TRUE.equals(request.marketingSmsConsent()),
                requirements,
                sourceListing);
    }

    /** The listing the form was sent from must be one the projection knows (published, or withdrawn just now). */
    private SourceListing sourceListing(String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String id = value.strip();
        if (id.length() > 100) {
            errors.add(new FieldError("sourceListing", "too_long", "来源房源编号过长"));
            return null;
        }
        Optional<SourceListing> known = listings.source(id);
        if (known.isEmpty()) {
            errors.add(new FieldError("sourceListing", "unknown_listing", "未找到该房源，请从房源页面重新提交"));
            return null;
        }
        return known.get();
    }

    private static Double convert(Double value, double factor) {
        return value == null ? null : Math.round(value * factor * 100) / 100.0;
    }

    private static Lead.Range range(
            CaptureRequest.Range range, String field, double sqmPerUnit, List<FieldError> errors) {
        if (range == null || (range.min() == null && range.max() == null)) {
            return null;
        }
        Double min = range.min();
        Double max = range.max();
        double limit = MAX_AREA_SQM / sqmPerUnit;
        boolean bad = (min != null && (min.isNaN() || min < 0 || min > limit))
                || (max != null && (max.isNaN() || max <= 0 || max > limit));
        if (bad) {
            errors.add(new FieldError(field, "out_of_range", "面积应为大于0的合理数值"));
            return null;
        }
        if (min != null && max != null && min > max) {
            errors.add(new FieldError(field, "min_greater_than_max", "最小面积不能大于最大面积"));
            return null;
        }
        return new Lead.Range(min, max);
    }

    private static <E extends Enum<E>> E enumValue(
            Class<E> type, String value, String field, String label, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, "required", "请选择" + label));
            return null;
        }
        return choice(type, value, field, label, errors);
    }

    /**
     * The constant {@code value} names, in any case and padding; else null and an {@code invalid_choice} error on
     * {@code field}. The one reading of a choice for the form's fields and its structured needs alike.
     */
    static <E extends Enum<E>> E choice(
            Class<E> type, String value, String field, String label, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "invalid_choice", label + "的取值无效"));
            return null;
        }
    }

    private static String text(
            String value, String field, String label, int max, boolean required, List<FieldError> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, "required", "请填写" + label));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(new FieldError(field, "too_long", label + "不能超过" + max + "个字"));
            return null;
        }
        return stripped;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
