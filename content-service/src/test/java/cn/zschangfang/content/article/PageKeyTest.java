package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageKeyTest {

    @Test
    void requestsTheQueryTreatsAlikeShareOneCacheEntry() {
        ArticleReadCache.PageKey plain =
                ArticleReadCache.PageKey.of(null, "标签", "园区", ArticleQueries.SortOrder.LATEST, 0, 20);
        assertThat(ArticleReadCache.PageKey.of(" ", " 标签 ", "园\u0000区 ", ArticleQueries.SortOrder.LATEST, 0, 20))
                .isEqualTo(plain);
        assertThat(ArticleReadCache.PageKey.of(null, "标签", "园区", ArticleQueries.SortOrder.POPULAR, 0, 20))
                .isNotEqualTo(plain);
        assertThat(ArticleReadCache.PageKey.of(null, "标签", "\u0001", ArticleQueries.SortOrder.LATEST, 0, 20)
                        .q())
                .isNull();
    }
}
