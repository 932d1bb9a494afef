package cn.zschangfang.content.article;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders related reading: most shared tags first, then same category, then newest; never the article itself and
 * never a draft.
 */
public final class RelatedRanking {

    private RelatedRanking() {}

    public static List<Article> rank(Article self, List<Article> candidates, int limit) {
        Set<String> tags = new HashSet<>(self.tags() == null ? List.of() : self.tags());
        Comparator<Article> order = Comparator.<Article>comparingLong(a -> -sharedTags(tags, a))
                .thenComparing(a -> self.category() != null && self.category().equals(a.category()) ? 0 : 1)
                .thenComparing(
                        Article::publishedAt,
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder().reversed()))
                .thenComparing(Article::slug);
        return candidates.stream()
                .filter(Article::isPublished)
                .filter(a -> !a.slug().equals(self.slug()))
                .filter(a -> sharedTags(tags, a) > 0
                        || (self.category() != null && self.category().equals(a.category())))
                .sorted(order)
                .limit(limit)
                .toList();
    }

    private static long sharedTags(Set<String> tags, Article a) {
        return a.tags() == null ? 0 : a.tags().stream().filter(tags::contains).count();
    }
}
