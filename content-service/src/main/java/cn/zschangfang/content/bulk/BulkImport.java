package cn.zschangfang.content.bulk;

import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rules every bulk import (articles, listings) keeps: the whole array is validated before anything is written,
 * so a bad item imports nothing and every bad item is named in one answer; then each item is written and counted.
 */
public final class BulkImport {

    private BulkImport() {}

    /** What writing one item did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** The answer to an import. */
    public record ImportResult(int created, int updated, int unchanged) {}

    /**
     * @param noun how the messages count items (篇文章, 个房源)
     * @param missingPart the path of a part an import requires that the item lacks ({@code .slug}), or null
     */
    public static <T> void validate(
            List<T> items, int maxItems, String noun, Validator validator, Function<T, String> missingPart) {
        if (items == null || items.isEmpty()) {
            throw ApiException.invalid("[]", FieldCode.REQUIRED, "至少需要一" + noun);
        }
        if (items.size() > maxItems) {
            throw ApiException.invalid("[]", FieldCode.TOO_LONG, "每次最多导入 " + maxItems + " " + noun);
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String missing = item == null ? "" : missingPart.apply(item);
            if (missing != null) {
                errors.add(ApiException.FieldError.of("[" + i + "]" + missing, FieldCode.REQUIRED));
                continue;
            }
            for (ConstraintViolation<T> v : validator.validate(item)) {
                errors.add(ApiException.FieldError.of("[" + i + "]." + v.getPropertyPath(), v));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** Writes the items in order (validated first with {@link #validate}) and counts what each write did. */
    public static <T> ImportResult write(List<T> items, Function<T, Outcome> write) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (T item : items) {
            switch (write.apply(item)) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new ImportResult(created, updated, unchanged);
    }
}
