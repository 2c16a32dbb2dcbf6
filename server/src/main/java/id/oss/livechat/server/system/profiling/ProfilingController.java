package id.oss.livechat.server.system.profiling;

import id.oss.livechat.server.common.DurationText;
import id.oss.livechat.server.common.Problem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /debug/pprof}: profiling on a running node, thread dump, heap, flight recording; admins
 * only (see SecurityConfiguration). The work blocks (stack walks, file writes), so it runs off the
 * event loop.
 */
@RestController
public class ProfilingController {
    private final JvmProfiling profiling = new JvmProfiling();

    @GetMapping("/debug/pprof")
    public Map<String, Object> index() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routes", JvmProfiling.routes());
        body.put("recording", profiling.recordingState());
        return body;
    }

    @GetMapping(value = "/debug/pprof/threads", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<String> threads() {
        return Mono.fromCallable(profiling::threadDump).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/debug/pprof/heap")
    public Mono<Map<String, Object>> heap() {
        return Mono.fromCallable(profiling::heapSummary).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/debug/pprof/jfr/start")
    public Mono<Map<String, Object>> startRecording(
            @RequestParam(name = "max_duration", required = false) String maxDuration) {
        Duration max;
        try {
            max = maxDuration == null ? null : DurationText.parse(maxDuration);
        } catch (IllegalArgumentException e) {
            return Mono.error(
                    new Problem(
                            Problem.Kind.INVALID,
                            "validation_failed",
                            "Some fields are missing or invalid.",
                            Map.of("max_duration", "a duration such as 60s or 5m")));
        }
        return Mono.fromCallable(() -> profiling.startRecording(max))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/debug/pprof/jfr/stop")
    public Mono<ResponseEntity<byte[]>> stopRecording() {
        return Mono.fromCallable(profiling::stopRecording)
                .subscribeOn(Schedulers.boundedElastic())
                .map(
                        bytes ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"oss-livechat.jfr\"")
                                        .body(bytes));
    }
}
