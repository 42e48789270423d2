package dev.bitbridge.ingress.kafka;

import java.nio.ByteBuffer;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/** For readers that need only a record's headers: never copies the key or value out of the fetched batch. */
public final class SkippingDeserializer implements Deserializer<Object> {

    @Override
    public Object deserialize(String topic, byte[] data) {
        return null;
    }

    @Override
    public Object deserialize(String topic, Headers headers, ByteBuffer data) {
        return null;
    }
}
