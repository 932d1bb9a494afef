package cn.zschangfang.notify.routing;

/** Where a lead stands for notify-service, stored by name in {@code lead_cases.state}. */
public enum LeadCaseState {
    /** Waiting for acknowledgement: escalates after its deadline. */
    OPEN,
    ACKNOWLEDGED,
    /** The lead is finished in lead-service: no longer counts against the agent's capacity. */
    CLOSED
}
