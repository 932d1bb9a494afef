package cn.zschangfang.notify.channel;

/**
 * What a channel said. TRANSIENT and RATE_LIMITED are retried with back-off; PERMANENT moves on to the next channel;
 * UNKNOWN (the message may or may not have gone out, e.g. an SMS timeout) is never resent blindly.
 *
 * @param code the channel's error code (never a message text: those may echo personal data)
 */
public record SendResult(Outcome outcome, String code) {

    /** Classification of a channel's answer. */
    public enum Outcome {
        SENT,
        TRANSIENT,
        RATE_LIMITED,
        PERMANENT,
        UNKNOWN
    }

    public static SendResult sent() {
        return new SendResult(Outcome.SENT, "0");
    }

    public static SendResult transientFailure(String code) {
        return new SendResult(Outcome.TRANSIENT, code);
    }

    public static SendResult rateLimited(String code) {
        return new SendResult(Outcome.RATE_LIMITED, code);
    }

    public static SendResult permanent(String code) {
        return new SendResult(Outcome.PERMANENT, code);
    }

    public static SendResult unknown(String code) {
        return new SendResult(Outcome.UNKNOWN, code);
    }
}
