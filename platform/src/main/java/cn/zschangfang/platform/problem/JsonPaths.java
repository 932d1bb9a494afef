package cn.zschangfang.platform.problem;

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
}
