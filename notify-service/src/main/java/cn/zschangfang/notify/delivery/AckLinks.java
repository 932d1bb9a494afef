package cn.zschangfang.notify.delivery;

/**
 * Signed one-click acknowledgement links put into messages; implemented by {@code ack}, declared here so delivery
 * does not depend on the package that depends on it.
 */
public interface AckLinks {

    String link(String leadId, String agentId);
}
