package cn.parkflow.notification;

/**
 * The SMS channel. A province connects its own SMS platform by providing a bean of this type; until then
 * {@link LoggingSmsGateway} writes each message to the log. A failure is thrown and the outbox retries it.
 */
public interface SmsGateway {

    void send(String mobile, String text);
}
