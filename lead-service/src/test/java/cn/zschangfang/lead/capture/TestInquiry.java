package cn.zschangfang.lead.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inquiry form as a test sends it: the fields the form requires are filled in (a lease of a factory in 沙溪 by
 * 张三 on 13800138000, with consent), each test changes only what it is about. Kept as JSON members rather than a
 * {@link CaptureRequest}, so a test can also send what the record cannot hold: a wrong type or an unknown field.
 */
public final class TestInquiry {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TestInquiry() {
        fields.put("intent", "LEASE");
        fields.put("propertyType", "FACTORY");
        fields.put("town", "沙溪");
        fields.put("contactName", "张三");
        fields.put("phone", "13800138000");
        fields.put("consent", true);
    }

    public static TestInquiry inquiry() {
        return new TestInquiry();
    }

    /** Any member of the form, as JSON writes {@code value}; null leaves the member out. */
    public TestInquiry with(String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return this;
    }

    public TestInquiry intent(String intent) {
        return with("intent", intent);
    }

    public TestInquiry propertyType(String propertyType) {
        return with("propertyType", propertyType);
    }

    public TestInquiry town(String town) {
        return with("town", town);
    }

    public TestInquiry contactName(String contactName) {
        return with("contactName", contactName);
    }

    public TestInquiry phone(String phone) {
        return with("phone", phone);
    }

    public TestInquiry company(String company) {
        return with("company", company);
    }

    public TestInquiry message(String message) {
        return with("message", message);
    }

    public TestInquiry visitorId(String visitorId) {
        return with("visitorId", visitorId);
    }

    public TestInquiry consent(Boolean consent) {
        return with("consent", consent);
    }

    public TestInquiry marketingSmsConsent(Boolean consent) {
        return with("marketingSmsConsent", consent);
    }

    public TestInquiry expectedAnnualTaxWan(Double wan) {
        return with("expectedAnnualTaxWan", wan);
    }

    /** Either bound may be null (left out). */
    public TestInquiry areaSqm(Number min, Number max) {
        return with("areaSqm", range(min, max));
    }

    /** Either bound may be null (left out). */
    public TestInquiry areaMu(Number min, Number max) {
        return with("areaMu", range(min, max));
    }

    /** Structured needs of one member only, as JSON writes {@code value} (a wrong type too). */
    public TestInquiry requirement(String field, Object value) {
        return with("requirements", Map.of(field, value));
    }

    public TestInquiry requirements(CaptureRequest.RequirementsRequest requirements) {
        return with("requirements", requirements);
    }

    public TestInquiry sourceListing(String listing) {
        return with("sourceListing", listing);
    }

    /** The body as a browser or an integration posts it. */
    public String json() {
        return JSON.writeValueAsString(fields);
    }

    /** The form as the controller hands it to the validator. */
    public CaptureRequest request() {
        return JSON.readValue(json(), CaptureRequest.class);
    }

    /** JSON members from alternating names and values, nulls left out (as the browser form leaves them out). */
    public static Map<String, Object> members(Object... namesAndValues) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                members.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return members;
    }

    private static Map<String, Object> range(Number min, Number max) {
        return members("min", min, "max", max);
    }
}
