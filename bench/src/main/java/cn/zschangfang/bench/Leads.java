package cn.zschangfang.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct valid inquiries: a mobile number per lead (so neither the 24 h duplicate merge nor the per-phone limit
 * applies; the run's minute of the week makes runs within a day use other numbers), towns from lead-service's list,
 * and a company name carrying the run id and the sequence number as a marker.
 */
public final class Leads {

    /** lead-service's town list (lead.towns). */
    public static final List<String> TOWNS = List.of(
            "石岐街道", "东区街道", "西区街道", "南区街道", "五桂山街道", "中山港街道", "民众街道", "南朗街道", "小榄镇", "古镇镇", "横栏镇", "东凤镇", "南头镇", "黄圃镇",
            "阜沙镇", "港口镇", "三角镇", "沙溪镇", "大涌镇", "三乡镇", "板芙镇", "神湾镇", "坦洲镇", "火炬开发区", "翠亨新区");

    /** Towns none of the local profile's demo agents own: the bench's agents are their only owners. */
    public static final List<String> FREE_TOWNS =
            List.of("石岐街道", "东区街道", "西区街道", "南区街道", "五桂山街道", "中山港街道", "南头镇", "黄圃镇", "阜沙镇", "港口镇", "沙溪镇", "大涌镇", "翠亨新区");

    private final String run;
    private final long phoneBase;
    private final AtomicLong counter = new AtomicLong();

    public Leads(String run, long epochMinutes) {
        this.run = run;
        // 1 + [5-9] + 9 digits: four from the minute (repeats after ~7 days), five from the sequence.
        this.phoneBase = 15_000_000_000L + (epochMinutes % 10_000) * 100_000L;
    }

    public String phone(long n) {
        return String.valueOf(phoneBase + (n % 100_000));
    }

    /** The JSON of lead {@code n} in {@code town}. */
    public String json(String town, String marker) {
        long n = counter.getAndIncrement();
        return "{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"" + town + "\","
                + "\"areaSqm\":{\"min\":2000,\"max\":5000},\"company\":\"bench " + run + " " + marker + " " + n
                + "\",\"contactName\":\"测试\",\"phone\":\"" + phone(n) + "\",\"message\":\"bench load test\","
                + "\"consent\":true}";
    }
}
