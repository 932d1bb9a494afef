package cn.zschangfang.platform.problem;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Field;
import tools.jackson.databind.DatabindException;

/** The JSON path of a binding error as clients write it: {@code areaSqm.min}, {@code items[2].title}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(DatabindException error) {
        StringBuilder path = new StringBuilder();
        for (var ref : error.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * The JSON path of a Bean Validation property path: a property Jackson unwraps ({@link JsonUnwrapped}) is not a
     * level of the JSON, so {@code channels.mobile} of an unwrapped {@code channels} is {@code mobile}, the field the
     * client sent. Below a list or map element the path is kept as it is.
     */
    static String of(Class<?> root, String propertyPath) {
        StringBuilder path = new StringBuilder();
        Class<?> type = root;
        for (String segment : propertyPath.split("\\.")) {
            Field field = type == null ? null : declaredField(type, segment);
            if (field == null || !field.isAnnotationPresent(JsonUnwrapped.class)) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment);
            }
            type = field == null ? null : field.getType();
        }
        return path.toString();
    }

    private static Field declaredField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // a superclass may declare it
            }
        }
        return null;
    }
}
