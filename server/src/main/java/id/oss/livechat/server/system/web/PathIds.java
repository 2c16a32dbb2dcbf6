package id.oss.livechat.server.system.web;

import id.oss.livechat.server.common.Problem;
import java.util.UUID;

/** Ids in paths: one that is not a UUID names nothing, so it is a 404 like any unknown id. */
public final class PathIds {
    private PathIds() {}

    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound(what);
        }
    }
}
