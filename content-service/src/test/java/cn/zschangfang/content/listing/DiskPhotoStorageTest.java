package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.content.listing.photo.DiskPhotoStorage;
import cn.zschangfang.content.listing.photo.PhotoStorage;
import cn.zschangfang.content.listing.photo.Rendition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskPhotoStorageTest {

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletesRenditionsUnderTheDirectory() {
        DiskPhotoStorage storage = new DiskPhotoStorage(root);
        String key = PhotoStorage.key("listing-1", "photo-1", Rendition.LIST);
        storage.put(key, new byte[] {1, 2, 3});
        assertThat(Files.exists(root.resolve("listing-1/photo-1/list.jpg"))).isTrue();
        assertThat(storage.get(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        storage.delete(key);
        assertThat(storage.get(key)).isEmpty();
    }

    @Test
    void aKeyCannotEscapeTheDirectory() {
        DiskPhotoStorage storage = new DiskPhotoStorage(root.resolve("photos"));
        assertThatThrownBy(() -> storage.put("../../etc/passwd", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
