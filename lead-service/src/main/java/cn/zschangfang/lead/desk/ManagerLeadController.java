package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.access.Caller;
import cn.zschangfang.lead.access.Callers;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.territory.Towns;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manager/admin views: the filtered list, its CSV export, and the detail (also open to the assigned agent; anyone
 * else gets a 404 so lead ids cannot be probed).
 */
@RestController
public class ManagerLeadController {

    private static final int MAX_EXPORT = 10_000;
    private static final DateTimeFormatter CSV_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(LeadFilter.CHINA);

    private final Callers callers;
    private final LeadStore store;
    private final Towns towns;

    public ManagerLeadController(Callers callers, LeadStore store, Towns towns) {
        this.callers = callers;
        this.store = store;
        this.towns = towns;
    }

    @GetMapping(path = "/api/leads", produces = MediaType.APPLICATION_JSON_VALUE)
    public LeadViews.Page list(
            LeadFilter filter,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        callers.requireManager(request);
        if (page < 0 || size < 1 || size > 100) {
            throw ApiException.validation(
                    List.of(new ApiException.FieldError("page", "out_of_range", "分页参数超出范围（size 1–100）")));
        }
        Criteria criteria = filter.toCriteria(towns);
        long total = store.count(criteria);
        List<LeadViews.Summary> items = store.newestFirst(criteria, (long) page * size, size).stream()
                .map(LeadViews.Summary::of)
                .toList();
        return new LeadViews.Page(items, page, size, total);
    }

    @GetMapping(path = "/api/leads/export", produces = "text/csv")
    public ResponseEntity<byte[]> export(LeadFilter filter, HttpServletRequest request) {
        callers.requireManager(request);
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("id,接收时间,状态,意向,物业类型,镇街,面积(㎡),用途,预计年纳税(万元),公司,联系人,手机,评分,来源,负责人\r\n");
        for (Lead lead : store.newestFirst(filter.toCriteria(towns), 0, MAX_EXPORT)) {
            csv.append(String.join(
                            ",",
                            cell(lead.id()),
                            cell(CSV_TIME.format(lead.receivedAt())),
                            cell(lead.status().name()),
                            cell(lead.inquiry().intent().name()),
                            cell(lead.inquiry().propertyType().name()),
                            cell(lead.inquiry().town()),
                            cell(area(lead.inquiry().areaSqm())),
                            cell(lead.inquiry().use()),
                            cell(
                                    lead.inquiry().expectedAnnualTaxWan() == null
                                            ? ""
                                            : lead.inquiry()
                                                    .expectedAnnualTaxWan()
                                                    .toString()),
                            cell(lead.contact().company()),
                            cell(lead.contact().contactName()),
                            cell(lead.contact().phone()),
                            cell(Integer.toString(lead.score())),
                            cell(lead.attribution().channel()),
                            cell(lead.assigneeName())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leads.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/api/leads/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public LeadViews.Detail detail(@PathVariable String id, HttpServletRequest request) {
        Caller caller = callers.require(request);
        Lead lead = DeskAccess.open(store, id, caller);
        return LeadViews.Detail.of(lead);
    }

    private static String area(Lead.Range range) {
        if (range == null) {
            return "";
        }
        return (range.min() == null ? "" : range.min()) + "-" + (range.max() == null ? "" : range.max());
    }

    /** Quotes every cell; a leading = + - @ is neutralized so Excel does not run it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
