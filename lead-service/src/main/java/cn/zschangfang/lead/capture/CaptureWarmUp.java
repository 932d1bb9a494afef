package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.platform.warmup.WarmUp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a capture's code once, on a made-up inquiry, before the service reports ready (see {@link WarmUp}), and
 * writes nothing: no lead, no duplicate claim, no event. The first real inquiry after a start otherwise pays for
 * loading and first compiling the JSON binding of the form, validation, scoring, listing matching, the mapping of
 * {@link Lead} to a document and the event's serialisation, and a lead is the one request here that must not wait.
 */
@Component
public class CaptureWarmUp extends WarmUp {

    /** A mobile number used only by this warm-up: it is never stored, claimed or sent. */
    public static final String SAMPLE_PHONE = "13800000000";

    private static final String SAMPLE = """
            {"intent":"LEASE","propertyType":"FACTORY","town":"沙溪镇","areaSqm":{"min":2000,"max":5000},
             "use":"五金加工","expectedAnnualTaxWan":80,"company":"预热样例","contactName":"预热","phone":"%s",
             "message":"启动预热","visitorId":"warm-up-no-such-visitor","consent":true,"marketingSmsConsent":false,
             "requirements":{"minClearHeightM":8,"minPowerKva":400}}""".formatted(SAMPLE_PHONE);

    private final JsonMapper json;
    private final InquiryValidator validator;
    private final CaptureService capture;
    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile List<String> completed = List.of();

    public CaptureWarmUp(
            JsonMapper json,
            InquiryValidator validator,
            CaptureService capture,
            MongoTemplate mongo,
            Clock clock,
            Environment environment) {
        super("capture", environment);
        this.json = json;
        this.validator = validator;
        this.capture = capture;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected String warm(String ownBaseUrl) {
        List<String> done = new ArrayList<>();
        try {
            CaptureRequest request = json.readValue(SAMPLE, CaptureRequest.class);
            done.add("read");
            ValidInquiry inquiry = validator.validate(request);
            done.add("validate");
            Lead lead = capture.draft("warm-up", inquiry, "web", clock.instant());
            done.add("draft");
            mongo.getConverter().write(lead, new Document());
            done.add("map");
            json.writeValueAsBytes(new CaptureResult(lead.id(), lead.status().name(), lead.receivedAt(), false));
            done.add("answer");
        } finally {
            completed = List.copyOf(done);
        }
        return String.join(", ", done);
    }

    /** The steps the last run completed, in order (read, validate, draft, map, answer when all went well). */
    public List<String> completed() {
        return completed;
    }
}
