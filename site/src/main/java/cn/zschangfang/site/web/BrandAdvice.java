package cn.zschangfang.site.web;

import cn.zschangfang.site.config.Brand;
import java.time.Clock;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts {@code brand} and {@code fmt} (dates) into every page's model, error pages included (they come from a controller too). A model
 * attribute rather than {@code ${@brand}}: Thymeleaf 3.1 refuses bean references in link attributes such as
 * {@code th:href}.
 */
@ControllerAdvice
class BrandAdvice {

    private final Brand brand;
    private final Dates dates = new Dates(Clock.systemUTC());

    BrandAdvice(Brand brand) {
        this.brand = brand;
    }

    @ModelAttribute("fmt")
    Dates dates() {
        return dates;
    }

    @ModelAttribute("brand")
    Brand brand() {
        return brand;
    }
}
