package cn.zschangfang.content.listing.photo;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Renditions in MongoDB GridFS (bucket {@code listing_photos}), so photos are backed up and replicated with the
 * data. GridFS is plain CRUD on two collections, which the local stand-in serves too ({@code GridFsPhotoStorageIT}).
 */
public class GridFsPhotoStorage implements PhotoStorage {

    private final GridFSBucket bucket;

    public GridFsPhotoStorage(GridFSBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] jpeg) {
        bucket.uploadFromStream(
                key,
                new ByteArrayInputStream(jpeg),
                new GridFSUploadOptions().metadata(new Document("contentType", "image/jpeg")));
    }

    @Override
    public Optional<byte[]> get(String key) {
        GridFSFile file = bucket.find(Filters.eq("filename", key)).first();
        if (file == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) file.getLength());
        bucket.downloadToStream(file.getObjectId(), out);
        return Optional.of(out.toByteArray());
    }

    @Override
    public void delete(String key) {
        List<GridFSFile> files = bucket.find(Filters.eq("filename", key)).into(new ArrayList<>());
        for (GridFSFile file : files) {
            bucket.delete(file.getObjectId());
        }
    }
}
