package cn.zschangfang.content.listing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.URL;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of listings ({@code content.listings.*}). A value out of range or one that does not parse stops start-up
 * naming the property.
 *
 * @param notifyUrl notify-service, asked to verify agent tokens (env {@code NOTIFY_URL})
 * @param agentTokenCacheTtl how long notify's answer about an agent token is reused
 * @param photos photo upload, renditions and storage
 * @param outbox the relay that publishes listing events left in the outbox
 */
@ConfigurationProperties("content.listings")
@Validated
public record ListingProperties(
        @DefaultValue("http://127.0.0.1:8083") @NotBlank @URL
        String notifyUrl,

        @DefaultValue("30s") @NotNull @DurationMin(millis = 0)
        Duration agentTokenCacheTtl,

        @DefaultValue @Valid Photos photos,
        @DefaultValue @Valid Outbox outbox) {

    /** Where photo renditions are kept. */
    public enum Storage {
        /** MongoDB GridFS ({@code listing_photos.files/chunks}): one store for data and photos, backed up together. */
        GRIDFS,
        /** Files under {@code directory}: for a deployment that serves them from a volume or a CDN origin. */
        DISK
    }

    /**
     * @param storage GRIDFS (default) or DISK
     * @param directory the DISK storage's root
     * @param maxUploadSize a larger upload is refused with 413
     * @param maxPixels a larger image (width × height) is refused before it is decoded, so a small file that
     *     decompresses to gigabytes cannot exhaust memory
     * @param maxPerListing photos one listing may have
     * @param listWidth width of the list rendition (px)
     * @param detailWidth width of the detail rendition (px)
     * @param jpegQuality JPEG quality of the renditions (0–1)
     */
    public record Photos(
            @DefaultValue("GRIDFS") @NotNull Storage storage,
            @DefaultValue("data/listing-photos") @NotNull Path directory,
            @DefaultValue("10MB") @NotNull DataSize maxUploadSize,
            @DefaultValue("50000000") @Min(1) long maxPixels,
            @DefaultValue("30") @Min(1) @Max(200) int maxPerListing,
            @DefaultValue("480") @Min(32) @Max(4000) int listWidth,
            @DefaultValue("1280") @Min(32) @Max(8000) int detailWidth,

            @DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0")
            double jpegQuality) {}

    /**
     * @param relayEnabled whether the scheduled sweep runs (tests drive it by hand)
     * @param relayInterval pause between sweeps
     * @param relayMinAge an event younger than this is left to the immediate publish
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,

            @DefaultValue("5s") @NotNull @DurationMin(millis = 100)
            Duration relayInterval,

            @DefaultValue("3s") @NotNull @DurationMin(millis = 0)
            Duration relayMinAge) {}
}
