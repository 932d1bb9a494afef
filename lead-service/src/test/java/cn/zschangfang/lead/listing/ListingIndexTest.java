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

    @Test
    void aWithdrawalThatArrivesBetweenAnEditsStoreWriteAndItsIndexUpdateWaitsForIt() throws Exception {
        ListingIndex index = ListingIndex.inMemory(MatchingProperties.defaults());
        java.util.concurrent.CountDownLatch editWrote = new java.util.concurrent.CountDownLatch(1);
        Thread withdrawal = new Thread(() -> {
            try {
                editWrote.await();
            } catch (InterruptedException e) {
                return;
            }
            index.serialized("gone", () -> {
                index.remove("gone");
                return null;
            });
        });
        withdrawal.start();
        // The edit's store write is done; the withdrawal (a later store write) must now wait for the edit's put.
        index.serialized("gone", () -> {
            editWrote.countDown();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> withdrawal.getState() == Thread.State.BLOCKED);
            index.put(TestListings.factory("gone").listing());
            return null;
        });
        withdrawal.join(5000);

        assertThat(index.isMatchable("gone"))
                .as("the later withdrawal's remove came after the edit's put")
                .isFalse();
    }
}
