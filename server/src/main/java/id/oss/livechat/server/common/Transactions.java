package id.oss.livechat.server.common;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Runs a unit of work in one database transaction; the adapter is Spring's reactive one. */
public interface Transactions {
    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
