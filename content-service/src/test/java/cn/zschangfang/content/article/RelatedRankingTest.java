package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedRankingTest {

    private static Article a(String slug, String category, List<String> tags, ArticleStatus status, String day) {
        return new Article(
                slug,
                slug,
                slug,
                "",
                "",
                category,
                tags,
                null,
                null,
                null,
                null,
                status,
                Instant.parse(day + "T00:00:00Z"),
                null,
                null,
                0,
                0,
                0,
                null);
    }

    @Test
    void mostSharedTagsFirstThenSameCategoryThenNewestNeverSelfNeverDraft() {
        Article self = a("self", "园区", List.of("t1", "t2", "t3"), ArticleStatus.PUBLISHED, "2024-09-27");
        List<Article> candidates = List.of(
                self,
                a("one-tag-old", "其他", List.of("t1"), ArticleStatus.PUBLISHED, "2024-01-01"),
                a("one-tag-new", "其他", List.of("t2"), ArticleStatus.PUBLISHED, "2024-09-01"),
                a("one-tag-same-category", "园区", List.of("t3"), ArticleStatus.PUBLISHED, "2023-01-01"),
                a("two-tags", "其他", List.of("t1", "t2"), ArticleStatus.PUBLISHED, "2020-01-01"),
                a("three-tags-draft", "园区", List.of("t1", "t2", "t3"), ArticleStatus.DRAFT, "2024-09-20"),
                a("category-only-new", "园区", List.of("x"), ArticleStatus.PUBLISHED, "2024-09-26"),
                a("category-only-old", "园区", List.of(), ArticleStatus.PUBLISHED, "2024-02-01"),
                a("unrelated", "其他", List.of("y"), ArticleStatus.PUBLISHED, "2024-09-27"));

        List<String> ranked = RelatedRanking.rank(self, candidates, 6).stream()
                .map(Article::slug)
                .toList();

        assertThat(ranked)
                .containsExactly(
                        "two-tags",
                        "one-tag-same-category",
                        "one-tag-new",
                        "one-tag-old",
                        "category-only-new",
                        "category-only-old");
    }

    @Test
    void atMostTheLimit() {
        Article self = a("self", "c", List.of("t"), ArticleStatus.PUBLISHED, "2024-09-27");
        List<Article> many = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> a("a" + i, "c", List.of("t"), ArticleStatus.PUBLISHED, "2024-09-1" + i % 10))
                .toList();
        assertThat(RelatedRanking.rank(self, many, 6)).hasSize(6);
    }
}
