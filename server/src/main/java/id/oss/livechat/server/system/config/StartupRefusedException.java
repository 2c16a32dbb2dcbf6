package id.oss.livechat.server.system.config;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * A configuration the server will not run with. Its one line is already logged when it is thrown;
 * {@link Reporter} tells Spring Boot so, which then prints no stack trace or failure report.
 */
public class StartupRefusedException extends RuntimeException {
    public StartupRefusedException(String message) {
        // no stack trace: the message says all there is to say
        super(message, null, false, false);
    }

    /** Registered in spring.factories; claims only our own refusal. */
    public static class Reporter implements SpringBootExceptionReporter, Ordered {
        @Override
        public boolean reportException(Throwable failure) {
            // a check that runs as a bean (demo accounts) is wrapped in the bean's failure
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof StartupRefusedException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
