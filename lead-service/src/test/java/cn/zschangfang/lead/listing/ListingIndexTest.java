package cn.zschangfang.lead.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instance reloads its index from MongoDB; a listing event applied while a reload reads must survive it. */
class ListingIndexTest {

    @Test
    void aReloadReplacesTheIndexWithWhatMongoDbHoldsButKeepsChangesMadeWhileItRead() {
        ListingStore store = mock(ListingStore.class);
        ListingIndex index = new ListingIndex(store, MatchingProperties.defaults());
        index.put(TestListings.factory("stale").listing());
        when(store.active()).thenAnswer(read -> {
            // While MongoDB is read, the consumer publishes one listing and withdraws another the read still returns.
            index.put(TestListings.factory("new").listing());
            index.remove("withdrawn");
            return List.of(
                    TestListings.factory("kept").listing(),
                    TestListings.factory("withdrawn").listing());
        });

        index.reload();

        assertThat(index.isMatchable("kept")).isTrue();
        assertThat(index.isMatchable("new")).isTrue();
        assertThat(index.isMatchable("withdrawn")).isFalse();
        assertThat(index.isMatchable("stale"))
                .as("gone from MongoDB, gone from the index")
                .isFalse();
    }

    @Test
    void aFailedReloadKeepsWhatWasLoaded() {
        ListingStore store = mock(ListingStore.class);
        ListingIndex index = new ListingIndex(store, MatchingProperties.defaults());
        index.put(TestListings.factory("loaded").listing());
        when(store.active()).thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down"));

        index.reload();

        assertThat(index.isMatchable("loaded")).isTrue();
    }
}
