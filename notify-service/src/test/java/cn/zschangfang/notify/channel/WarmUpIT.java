package cn.zschangfang.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.NotifyIntegrationTest;
import cn.zschangfang.platform.kafka.KafkaProducerWarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WarmUpIT extends NotifyIntegrationTest {

    @Autowired
    RobotHttpWarmUp warmUp;

    @Autowired
    KafkaProducerWarmUp producerWarmUp;

    @Test
    void beforeReportingReadyTheRobotClientPostedOnceToThisServiceAndWasRefusedSoNothingWasRecorded() {
        RobotHttp.Reply reply = warmUp.reply();

        assertThat(reply)
                .as("the warm-up ran before the context was handed to the test")
                .isNotNull();
        assertThat(reply.httpFailure().outcome()).isEqualTo(SendResult.Outcome.PERMANENT);
        assertThat(reply.httpFailure().code()).matches("http-4\\d\\d");
    }

    @Test
    void beforeReportingReadyAProducerReadTheMetadataOfTheTopicARoutedLeadIsAnnouncedOn() {
        assertThat(producerWarmUp.topic()).isEqualTo("lead.routed");
        assertThat(producerWarmUp.partitions()).isEqualTo(1);
    }
}
