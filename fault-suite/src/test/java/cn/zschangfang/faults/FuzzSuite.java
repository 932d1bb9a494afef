package cn.zschangfang.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every fuzz class starts from: the shared stack, a fuzzer with 4 workers for the class's runs (closed after
 * them) and a raw HTTP client. A subclass's own {@code @BeforeAll} runs after this one's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FuzzSuite {

    SharedStack stack;
    Fuzzer fuzzer;
    final Http http = new Http();

    @BeforeAll
    void startFuzzer() throws Exception {
        stack = SharedStack.get();
        fuzzer = new Fuzzer(4);
    }

    @AfterAll
    void stopFuzzer() throws InterruptedException {
        fuzzer.close();
    }
}
