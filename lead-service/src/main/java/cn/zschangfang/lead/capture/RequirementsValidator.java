package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.platform.problem.ApiException.FieldError;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Checks the optional structured needs; each problem is reported with its JSON path ({@code
 * requirements.minClearHeightM}, {@code requirements.budget.unit}) so the form can show it at its field.
 */
final class RequirementsValidator {

    private static final String P = "requirements.";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The fire classes as Chinese forms and agents write them (甲类 …), besides the contract's A … E. */
    private static final Map<String, Requirements.FireClass> CHINESE_FIRE_CLASSES = Map.of(
            "甲", Requirements.FireClass.A,
            "乙", Requirements.FireClass.B,
            "丙", Requirements.FireClass.C,
            "丁", Requirements.FireClass.D,
            "戊", Requirements.FireClass.E);

    private RequirementsValidator() {}

    /** @return the requirements, or null when none was stated (or one was invalid: then {@code errors} says which) */
    static Requirements validate(CaptureRequest.RequirementsRequest r, Clock clock, List<FieldError> errors) {
        if (r == null) {
            return null;
        }
        int before = errors.size();
        Double height = number(r.minClearHeightM(), "minClearHeightM", 50, "最低层高（米）应在0到50之间", errors);
        Double power = number(r.minPowerKva(), "minPowerKva", 100_000, "最低配电（kVA）应在0到100000之间", errors);
        Double crane = number(r.craneTonnage(), "craneTonnage", 1_000, "行车吨位应在0到1000之间", errors);
        Requirements.Floor floor = choice(Requirements.Floor.class, r.floor(), "floor", "楼层要求", errors);
        Requirements.FireClass fire = fireClass(r.fireClass(), errors);
        Requirements.Budget budget = budget(r.budget(), errors);
        String moveIn = date(r.moveInDate(), clock, errors);
        Integer term = r.leaseTermMonths();
        if (term != null && (term < 1 || term > 600)) {
            errors.add(new FieldError(P + "leaseTermMonths", "out_of_range", "租期应为1到600个月"));
            term = null;
        }
        String industry = r.industry() == null || r.industry().isBlank()
                ? null
                : r.industry().strip();
        if (industry != null && industry.codePointCount(0, industry.length()) > 100) {
            errors.add(new FieldError(P + "industry", "too_long", "行业不能超过100个字"));
            industry = null;
        }
        if (errors.size() > before) {
            return null;
        }
        Requirements requirements = new Requirements(height, power, floor, fire, crane, budget, moveIn, term, industry);
        return requirements.isEmpty() ? null : requirements;
    }

    private static Double number(Double value, String field, double max, String message, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value <= 0 || value > max) {
            errors.add(new FieldError(P + field, "out_of_range", message));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(
            Class<E> type, String value, String field, String label, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return InquiryValidator.choice(type, value, P + field, label, errors);
    }

    private static Requirements.FireClass fireClass(String value, List<FieldError> errors) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            Requirements.FireClass chinese =
                    CHINESE_FIRE_CLASSES.get(v.endsWith("类") ? v.substring(0, v.length() - 1) : v);
            if (chinese != null) {
                return chinese;
            }
        }
        return choice(Requirements.FireClass.class, value, "fireClass", "火灾危险性类别（甲–戊）", errors);
    }

    private static Requirements.Budget budget(CaptureRequest.BudgetRequest b, List<FieldError> errors) {
        if (b == null || (b.amount() == null && (b.unit() == null || b.unit().isBlank()))) {
            return null;
        }
        boolean ok = true;
        if (b.amount() == null) {
            errors.add(new FieldError(P + "budget.amount", "required", "请填写预算金额"));
            ok = false;
        } else if (b.amount().isNaN() || b.amount() <= 0 || b.amount() > 1_000_000_000) {
            errors.add(new FieldError(P + "budget.amount", "out_of_range", "预算金额应为大于0的合理数值"));
            ok = false;
        }
        Requirements.BudgetUnit unit = null;
        if (b.unit() == null || b.unit().isBlank()) {
            errors.add(new FieldError(P + "budget.unit", "required", "请选择预算单位"));
        } else {
            unit = choice(Requirements.BudgetUnit.class, b.unit(), "budget.unit", "预算单位", errors);
        }
        return ok && unit != null ? new Requirements.Budget(b.amount(), unit) : null;
    }

    /** {@code yyyy-MM-dd}, from yesterday (a visitor in another time zone) to five years ahead. */
    private static String date(String value, Clock clock, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(P + "moveInDate", "invalid_format", "入驻日期格式应为 yyyy-MM-dd"));
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (date.isBefore(today.minusDays(1)) || date.isAfter(today.plusYears(5))) {
            errors.add(new FieldError(P + "moveInDate", "out_of_range", "入驻日期应在今天到五年之内"));
            return null;
        }
        return date.toString();
    }
}
