package cn.zschangfang.lead.listing;

import java.time.Instant;

/** Listings for matching and validation tests: a published 1,500 ㎡ standard factory to lease in 沙溪镇, changed one field at a time. */
public final class TestListings {

    private TestListings() {}

    public static Builder factory(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        String id;
        String slug;
        String title;
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
            this.slug = "slug-" + id;
            this.title = "房源" + id;
        }

        public Builder slug(String v) {
            slug = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder deal(String v) {
            deal = v;
            return this;
        }

        public Builder type(String v) {
            propertyType = v;
            return this;
        }

        public Builder town(String v) {
            town = v;
            return this;
        }

        public Builder area(Double v) {
            buildingAreaTotal = v;
            return this;
        }

        public Builder lot(Double v) {
            lotSizeArea = v;
            return this;
        }

        public Builder divisible(Double v) {
            minDivisibleSqm = v;
            return this;
        }

        public Builder floor(Integer f, Integer of, String form) {
            floor = f;
            floorsTotal = of;
            buildingForm = form;
            return this;
        }

        public Builder height(Double v) {
            clearHeightM = v;
            return this;
        }

        public Builder power(Double v) {
            powerKva = v;
            return this;
        }

        public Builder fire(String v) {
            fireHazardClass = v;
            return this;
        }

        public Builder crane(Double v) {
            craneTonnage = v;
            return this;
        }

        public Builder rent(Double v) {
            rent = v;
            return this;
        }

        public Builder price(Double v) {
            priceWan = v;
            return this;
        }

        public Builder agent(String v) {
            agentId = v;
            return this;
        }

        public Builder published(Instant v) {
            publishedAt = v;
            return this;
        }

        public Builder withdrawn() {
            active = false;
            return this;
        }

        public Listing listing() {
            return new Listing(
                    id,
                    new Listing.Facts(
                            slug,
                            title,
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
                            publishedAt),
                    active,
                    active ? "PUBLISHED" : "WITHDRAWN",
                    publishedAt);
        }

        Candidate candidate() {
            return Candidate.of(listing()).orElseThrow();
        }
    }
}
