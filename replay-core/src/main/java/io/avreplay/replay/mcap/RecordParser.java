package io.avreplay.replay.mcap;

/** Parses the contents of schema, channel and message records. Stateless. */
final class RecordParser {
    private RecordParser() {
    }

    /** @return the schema, or null for id 0 (which the specification reserves for "no schema") */
    static McapSchema schema(Cursor c) {
        int id = c.u16("schema id");
        String name = c.string("schema name");
        String encoding = c.string("schema encoding");
        byte[] data = c.prefixedBytes("schema data");
        return id == 0 ? null : new McapSchema(id, name, encoding, data);
    }

    static McapChannel channel(Cursor c) {
        int id = c.u16("channel id");
        int schemaId = c.u16("channel schema_id");
        String topic = c.string("channel topic");
        String encoding = c.string("channel message_encoding");
        return new McapChannel(id, schemaId, topic, encoding, c.stringMap("channel metadata"));
    }

    /** @return the message, its payload a read-only view of the cursor's memory (no copy) */
    static McapMessageView message(Cursor c) {
        int channel = c.u16("message channel_id");
        long seq = c.u32("message sequence");
        long logTime = c.u64("message log_time");
        long publishTime = c.u64("message publish_time");
        return new McapMessageView(channel, seq, logTime, publishTime, c.view(c.remaining(), "message data").asReadOnlyBuffer());
    }

    /** {@code 89 4D 43 …}, or {@code an empty file}. */
    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X ", x));
        }
        return b.length == 0 ? "an empty file" : s.toString().trim();
    }
}
