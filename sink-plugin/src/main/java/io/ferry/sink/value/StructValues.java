package io.ferry.sink.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Debezium's struct-valued types: {@code VariableScaleDecimal} and the geometry structs. */
final class StructValues {

    /** The WKB byte-order marker of little-endian (NDR) geometry, the order MySQL stores. */
    private static final byte WKB_LITTLE_ENDIAN = 1;
    private static final int WKB_POINT = 1;
    private static final int SRID_BYTES = 4;

    private StructValues() {
    }

    /** {@code io.debezium.data.VariableScaleDecimal}: {@code value} (two's-complement big-endian) and {@code scale}. */
    static BigDecimal variableScaleDecimal(Struct struct) {
        Integer scale = (Integer) struct.getWithoutDefault("scale");
        byte[] value = ConnectBytes.toArray(struct.getWithoutDefault("value"));
        if (scale == null || value == null) {
            throw new IllegalArgumentException("a VariableScaleDecimal needs both a scale and a value");
        }
        return new BigDecimal(new BigInteger(value), scale);
    }

    /**
     * MySQL's internal geometry format, a 4-byte little-endian SRID followed by the WKB, of a Debezium
     * {@code Geometry} ({@code wkb}, {@code srid}) or {@code Point} ({@code x}, {@code y}, optional {@code wkb},
     * {@code srid}) struct. A null srid is SRID 0. Bound as bytes, the server stores these bytes unchanged: unlike
     * {@code ST_GeomFromWKB(wkb, srid)}, nothing reinterprets the axis order of geographic SRSs (MySQL 8 reads
     * WKB of SRID 4326 as latitude-longitude, while the stored value and so the event hold longitude first).
     */
    static byte[] geometryInternalFormat(Struct struct) {
        Field wkbField = struct.schema().field("wkb");
        Object wkbValue = wkbField == null ? null : struct.getWithoutDefault(wkbField.name());
        byte[] wkb = wkbValue != null ? ConnectBytes.toArray(wkbValue) : pointWkb(struct);
        if (wkb.length < 5 || wkb[0] != WKB_LITTLE_ENDIAN) {
            throw new IllegalArgumentException("the WKB must be little-endian (NDR) as MySQL stores it");
        }
        Field sridField = struct.schema().field("srid");
        Object srid = sridField == null ? null : struct.getWithoutDefault(sridField.name());
        return ByteBuffer.allocate(SRID_BYTES + wkb.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(srid == null ? 0 : ((Number) srid).intValue())
                .put(wkb)
                .array();
    }

    private static byte[] pointWkb(Struct struct) {
        if (struct.schema().field("x") == null || struct.getWithoutDefault("x") == null
                || struct.getWithoutDefault("y") == null) {
            throw new IllegalArgumentException("a geometry needs a wkb (or a point x and y)");
        }
        return ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN)
                .put(WKB_LITTLE_ENDIAN)
                .putInt(WKB_POINT)
                .putDouble(((Number) struct.getWithoutDefault("x")).doubleValue())
                .putDouble(((Number) struct.getWithoutDefault("y")).doubleValue())
                .array();
    }
}
