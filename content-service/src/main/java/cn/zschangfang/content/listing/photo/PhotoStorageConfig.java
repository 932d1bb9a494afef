package cn.zschangfang.content.listing.photo;

import cn.zschangfang.content.listing.ListingProperties;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The photo storage chosen by {@code content.listings.photos.storage}. */
@Configuration(proxyBeanMethods = false)
public class PhotoStorageConfig {

    public static final String GRIDFS_BUCKET = "listing_photos";

    @Bean
    PhotoStorage photoStorage(ListingProperties properties, MongoDatabaseFactory mongo) {
        return switch (properties.photos().storage()) {
            case GRIDFS -> new GridFsPhotoStorage(GridFSBuckets.create(mongo.getMongoDatabase(), GRIDFS_BUCKET));
            case DISK -> new DiskPhotoStorage(properties.photos().directory());
        };
    }
}
