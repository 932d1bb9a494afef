package cn.zschangfang.content.view;

import java.util.List;

/**
 * Runs after a batch has been counted and before its offsets are committed. Production has none; tests use it to
 * simulate a crash at exactly that point (throwing makes the batch be delivered again).
 */
@FunctionalInterface
public interface BatchCommitHook {

    void afterCounted(List<ViewedRecord> batch);
}
