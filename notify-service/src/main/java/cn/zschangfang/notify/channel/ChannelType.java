package cn.zschangfang.notify.channel;

/** Delivery channels, in the order they are tried for an agent. */
public enum ChannelType {
    WECOM,
    DINGTALK,
    FEISHU,
    SMS,
    SANDBOX
}
