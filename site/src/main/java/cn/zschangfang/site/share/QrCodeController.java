package cn.zschangfang.site.share;

import cn.zschangfang.site.config.Brand;
import cn.zschangfang.site.web.PageNotFoundException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share images for WeChat, whose browser has no share API for pages: the article's public URL as a QR code to scan,
 * and the consultant's contact (MECARD: name and mobile, which is also his WeChat ID) for "长按/扫一扫加微信".
 * Only URLs of this portal are encoded, never a caller-supplied text.
 */
@RestController
class QrCodeController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");
    private static final CacheControl A_DAY =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final Brand brand;

    QrCodeController(Brand brand) {
        this.brand = brand;
    }

    @GetMapping(path = "/articles/{slug}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> article(@PathVariable String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new PageNotFoundException("article");
        }
        return png(brand.url("/articles/" + slug));
    }

    @GetMapping(path = "/contact/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> contact() {
        return png("MECARD:N:" + brand.getConsultant() + "（" + brand.getName() + "）;TEL:" + brand.getMobile()
                + ";NOTE:微信同号 " + brand.getMobile() + ";;");
    }

    private static ResponseEntity<byte[]> png(String text) {
        return ResponseEntity.ok()
                .cacheControl(A_DAY)
                .contentType(MediaType.IMAGE_PNG)
                .body(QrCodes.png(text, 240));
    }
}
