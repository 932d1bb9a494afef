package cn.zschangfang.site.inquiry;

import cn.zschangfang.site.config.SiteProperties;
import java.util.List;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the inquiry form fragment ({@code templates/inquiry/form.html}) needs, in every page's model: the choices
 * with the API's values and their Chinese labels, and the town list.
 */
@ControllerAdvice
class InquiryFormAdvice {

    static final List<Choice> INTENTS = List.of(new Choice("LEASE", "求租"), new Choice("BUY", "求购"));
    static final List<Choice> PROPERTY_TYPES = List.of(
            new Choice("FACTORY", "厂房"),
            new Choice("WAREHOUSE", "仓库"),
            new Choice("LAND", "工业土地"),
            new Choice("OFFICE", "写字楼"));
    /** Suggestions only (a datalist): the field is free text. */
    static final List<String> INDUSTRIES =
            List.of("五金制品", "灯饰照明", "电子电器", "服装纺织", "家具家居", "食品加工", "包装印刷", "装备制造", "新材料", "生物医药", "物流仓储", "电商仓配");

    public record Choice(String value, String label) {}

    public record InquiryOptions(
            List<Choice> intents, List<Choice> propertyTypes, List<Areas.Group> towns, List<String> industries) {}

    private final InquiryOptions options;

    InquiryFormAdvice(ResourceLoader resources, SiteProperties properties, JsonMapper json) {
        Areas areas = Areas.load(resources.getResource(properties.areas()), json);
        this.options = new InquiryOptions(INTENTS, PROPERTY_TYPES, areas.groups(), INDUSTRIES);
    }

    @ModelAttribute("inquiry")
    InquiryOptions inquiry() {
        return options;
    }
}
