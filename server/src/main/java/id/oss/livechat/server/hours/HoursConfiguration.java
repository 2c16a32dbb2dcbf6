package id.oss.livechat.server.hours;

import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.hours.internal.ClosedHoursListener;
import id.oss.livechat.server.hours.internal.DemoHoursLoader;
import id.oss.livechat.server.hours.internal.R2dbcHoursRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the opening hours: their store, the use case routing asks, the event bookkeeping. */
@Configuration(proxyBeanMethods = false)
public class HoursConfiguration {

    @Bean
    HoursRepository hoursRepository(DatabaseClient db) {
        return new R2dbcHoursRepository(db);
    }

    @Bean
    BusinessHours businessHours(HoursRepository repository, Clock clock) {
        return new BusinessHours(repository, clock);
    }

    @Bean
    ClosedHoursListener closedHoursListener(
            HoursRepository repository, BusinessHours hours, ChatEventBus bus, Clock clock) {
        return new ClosedHoursListener(bus, new ClosedHours(repository, hours, bus, clock));
    }

    /** Demo mode: the technical desk keeps office hours (see DemoHours). */
    @Bean
    @ConditionalOnProperty(name = "livechat.demo", havingValue = "true")
    DemoHoursLoader demoHoursLoader(HoursRepository repository) {
        return new DemoHoursLoader(new DemoHours(repository));
    }
}
