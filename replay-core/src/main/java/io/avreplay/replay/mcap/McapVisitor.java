package io.avreplay.replay.mcap;

/**
 * Receives the records of an MCAP file as the reader meets them. A schema and a channel are always
 * delivered before the first message that refers to them (messages whose channel is unknown are
 * reported as lost instead). Callbacks run on the reading thread; a runtime exception thrown by a
 * callback ends the read and propagates.
 */
public interface McapVisitor {
    /** A schema record (each id once). */
    default void schema(McapSchema schema) {
    }

    /** A channel record (each id once). */
    default void channel(McapChannel channel) {
    }

    /** A complete message. The payload array is handed over: the visitor may keep it. */
    void message(McapMessage message, McapChannel channel);

    /**
     * A complete message whose payload is a view of the reader's buffer, valid only during this call; the
     * reader always calls this method. The default copies the payload and calls
     * {@link #message(McapMessage, McapChannel)}; a visitor that decodes in place overrides it to save the copy.
     */
    default void message(McapMessageView message, McapChannel channel) {
        message(message.copy(), channel);
    }
}
