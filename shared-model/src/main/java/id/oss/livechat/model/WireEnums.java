package id.oss.livechat.model;

import java.util.Locale;

/** Reads the lower-case wire names of the model's enums, as stored in the database. */
final class WireEnums {
    private WireEnums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is missing");
        }
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
