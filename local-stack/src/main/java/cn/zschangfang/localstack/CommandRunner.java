package cn.zschangfang.localstack;

import java.io.IOException;
import java.util.List;

/** Runs a one-off command (such as formatting Kafka's storage) to completion, its output in the stack's logs. */
@FunctionalInterface
interface CommandRunner {

    int runToCompletion(String name, List<String> command) throws IOException;
}
