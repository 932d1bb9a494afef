package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.territory.Towns;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.text.MobileNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The list filters: {@code status}, {@code town} (short forms accepted), {@code assignee}, {@code from}/{@code to}
 * (a date in Asia/Shanghai or an ISO instant; {@code to} as a date is inclusive), {@code phone} (any form the
 * capture form accepts, full-width digits included: a customer on the phone is found however the number is typed).
 */
public record LeadFilter(String status, String town, String assignee, String from, String to, String phone) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Criteria toCriteria(Towns towns) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        List<Criteria> parts = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            try {
                parts.add(Criteria.where("status")
                        .is(LeadStatus.valueOf(status.strip().toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiException.FieldError("status", "invalid_choice", "状态取值无效"));
            }
        }
        if (town != null && !town.isBlank()) {
            towns.resolve(town)
                    .ifPresentOrElse(
                            full -> parts.add(Criteria.where("town").is(full)),
                            () -> errors.add(new ApiException.FieldError("town", "unknown_town", "未知的镇街")));
        }
        if (assignee != null && !assignee.isBlank()) {
            parts.add(Criteria.where("assigneeId").is(assignee.strip()));
        }
        if (phone != null && !phone.isBlank()) {
            MobileNumbers.normalize(phone)
                    .ifPresentOrElse(
                            mobile -> parts.add(Criteria.where("phone").is(mobile)),
                            () -> errors.add(
                                    new ApiException.FieldError("phone", "invalid_phone", "请输入有效的11位中国大陆手机号码")));
        }
        Instant fromInstant = instant(from, "from", false, errors);
        Instant toInstant = instant(to, "to", true, errors);
        if (fromInstant != null || toInstant != null) {
            Criteria received = Criteria.where("receivedAt");
            if (fromInstant != null) {
                received = received.gte(fromInstant);
            }
            if (toInstant != null) {
                received = received.lt(toInstant);
            }
            parts.add(received);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
    }

    static Instant instant(String value, String field, boolean endOfDay, List<ApiException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(CHINA).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldError(field, "invalid_date", "日期格式应为 yyyy-MM-dd"));
            return null;
        }
    }
}
