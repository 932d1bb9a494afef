package cn.zschangfang.content.listing.photo;

import cn.zschangfang.content.listing.ListingProperties;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into the list and detail JPEGs. The image is re-encoded from its pixels, so no metadata of the
 * original survives (EXIF GPS position, camera serial numbers); the EXIF orientation is applied first so a phone
 * photo is upright. Dimensions are read from the header and checked before the pixels are decoded.
 */
@Component
public class PhotoProcessor {

    /** What is stored: the two renditions and the size of the (upright) original. */
    public record Processed(byte[] list, byte[] detail, int width, int height) {}

    private final ListingProperties.Photos properties;

    public PhotoProcessor(ListingProperties properties) {
        this.properties = properties.photos();
    }

    public Processed process(byte[] upload) {
        int[] size = dimensions(upload);
        if ((long) size[0] * size[1] > properties.maxPixels()) {
            throw ApiException.invalid("file", FieldCode.OUT_OF_RANGE, "图片像素过大");
        }
        try {
            BufferedImage upright = Thumbnails.of(new ByteArrayInputStream(upload))
                    .scale(1.0)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
            return new Processed(
                    jpeg(upright, properties.listWidth()),
                    jpeg(upright, properties.detailWidth()),
                    upright.getWidth(),
                    upright.getHeight());
        } catch (IOException | RuntimeException e) {
            // A header that parses but pixels that do not (truncated or corrupt file).
            throw ApiException.invalid("file", FieldCode.INVALID_FORMAT, "图片文件已损坏或格式不受支持");
        }
    }

    private byte[] jpeg(BufferedImage image, int width) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var builder = Thumbnails.of(image);
        // Never enlarge a small photo: it would only get blurrier and heavier.
        if (image.getWidth() > width) {
            builder.width(width);
        } else {
            builder.scale(1.0);
        }
        builder.outputFormat("jpg").outputQuality(properties.jpegQuality()).toOutputStream(out);
        return out.toByteArray();
    }

    /** Width and height from the image header, or a 400 when no reader recognizes the bytes. */
    private static int[] dimensions(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw ApiException.invalid("file", FieldCode.INVALID_FORMAT, "请上传 JPEG、PNG 或 GIF 图片");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw ApiException.invalid("file", FieldCode.INVALID_FORMAT, "请上传 JPEG、PNG 或 GIF 图片");
        } catch (UncheckedIOException e) {
            throw ApiException.invalid("file", FieldCode.INVALID_FORMAT, "请上传 JPEG、PNG 或 GIF 图片");
        }
    }
}
