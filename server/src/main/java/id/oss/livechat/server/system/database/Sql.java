package id.oss.livechat.server.system.database;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers for the R2DBC adapters: nullable bindings and typed column reads. */
public final class Sql {
    private Sql() {}

    /** Binds a value that may be null; R2DBC needs the type to bind a null. */
    public static <T> GenericExecuteSpec bind(
            GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    public static UUID uuid(Readable row, String column) {
        return row.get(column, UUID.class);
    }

    public static String text(Readable row, String column) {
        return row.get(column, String.class);
    }

    public static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    public static Long nullableNumber(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.longValue();
    }

    public static boolean flag(Readable row, String column) {
        Boolean value = row.get(column, Boolean.class);
        return value != null && value;
    }
}
