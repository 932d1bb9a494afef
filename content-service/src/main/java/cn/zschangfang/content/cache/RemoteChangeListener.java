package cn.zschangfang.content.cache;

/** A cache that drops entries when a change event of its topic arrives from any instance (this one included). */
public interface RemoteChangeListener {

    /** The change topic this listener follows, e.g. {@code content.article-changed}. */
    String topic();

    /** A change with this record key was published. */
    void onRemoteChange(String key);

    /** Events may have been missed (the feed lost the broker): drop everything. */
    void onPossiblyMissed();
}
