package io.weir.checkpoint.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import org.junit.jupiter.api.Test;

class DataSerializerTest {
    @Test
    void shouldRoundTripPrimitivesAndLongUnicodeStrings() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1);
        String big = "ü€😀".repeat(30_000);
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeDouble(-0.0);
        out.writeUTF(big);
        out.writeUTF("");
        out.writeBoolean(true);
        out.writeShort(-2);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        assertEquals(Integer.MIN_VALUE, in.readInt());
        assertEquals(Long.MAX_VALUE, in.readLong());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.readDouble()));
        assertEquals(big, in.readUTF());
        assertEquals("", in.readUTF());
        assertEquals(true, in.readBoolean());
        assertEquals(-2, in.readShort());
        assertEquals(0, in.available());
        assertThrows(EOFException.class, in::readByte);
    }
}
