package cn.zschangfang.lead.listing;

import java.time.Instant;

/** Listings for matcher tests: a published 1,500 ㎡ standard factory to lease in 沙溪镇, changed one field at a time. */
final class TestListings {

    private TestListings() {}

    static Builder factory(String id) {
        return new Builder(id);
    }

    static final class Builder {
        String id;
        String deal = "LEASE";
        String propertyType = "STANDARD_FACTORY";
        String town = "沙溪镇";
        Double buildingAreaTotal = 1500.0;
        Double lotSizeArea;
        Double minDivisibleSqm;
        Integer floor = 1;
        Integer floorsTotal = 3;
        String buildingForm = "MULTI_STOREY";
        Double clearHeightM = 8.0;
        Double powerKva = 500.0;
        String fireHazardClass = "C";
        Double craneTonnage;
        Double rent = 18.0;
        Double priceWan;
        String agentId = "agent-1";
        Instant publishedAt = Instant.parse("2026-11-01T00:00:00Z");
        boolean active = true;

        Builder(String id) {
            this.id = id;
        }

        Builder deal(String v) {
            deal = v;
            return this;
        }

        Builder type(String v) {
            propertyType = v;
            return this;
        }

        Builder town(String v) {
            town = v;
            return this;
        }

        Builder area(Double v) {
            buildingAreaTotal = v;
            return this;
        }

        Builder lot(Double v) {
            lotSizeArea = v;
            return this;
        }

        Builder divisible(Double v) {
            minDivisibleSqm = v;
            return this;
        }

        Builder floor(Integer f, Integer of, String form) {
            floor = f;
            floorsTotal = of;
            buildingForm = form;
            return this;
        }

        Builder height(Double v) {
            clearHeightM = v;
            return this;
        }

        Builder power(Double v) {
            powerKva = v;
            return this;
        }

        Builder fire(String v) {
            fireHazardClass = v;
            return this;
        }

        Builder crane(Double v) {
            craneTonnage = v;
            return this;
        }

        Builder rent(Double v) {
            rent = v;
            return this;
        }

        Builder price(Double v) {
            priceWan = v;
            return this;
        }

        Builder agent(String v) {
            agentId = v;
            return this;
        }

        Builder published(Instant v) {
            publishedAt = v;
            return this;
        }

        Builder withdrawn() {
            active = false;
            return this;
        }

        Listing listing() {
            return new Listing(
                    id,
                    "slug-" + id,
                    "房源" + id,
                    deal,
                    propertyType,
                    town,
                    buildingAreaTotal,
                    null,
                    lotSizeArea,
                    minDivisibleSqm,
                    floor,
                    floorsTotal,
                    buildingForm,
                    clearHeightM,
                    powerKva,
                    fireHazardClass,
                    craneTonnage,
                    rent,
                    priceWan,
                    agentId,
                    publishedAt,
                    active,
                    active ? "PUBLISHED" : "WITHDRAWN",
                    publishedAt);
        }

        Candidate candidate() {
            return Candidate.of(listing()).orElseThrow();
        }
    }
}
