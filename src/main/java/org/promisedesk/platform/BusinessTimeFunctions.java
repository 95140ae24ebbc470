package org.promisedesk.platform;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${endOfBusinessToday()}} for Tasklist filters: midnight at the end of today in the
 * business time zone ({@code promise-desk.calendar.time-zone}, Asia/Shanghai), not in the server's
 * (Camunda's {@code dateTime()} is the JVM's zone: at 01:05 in Shanghai a UTC server's "today" was
 * still yesterday). Engine expression functions are static methods, hence the static zone.
 */
@Component
public class BusinessTimeFunctions extends AbstractProcessEnginePlugin {

    public static final String END_OF_BUSINESS_TODAY = "endOfBusinessToday";

    private static volatile ZoneId zone = BusinessCalendarSettings.defaults().timeZone();

    public BusinessTimeFunctions(BusinessCalendar calendar) {
        zone = calendar.zone();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            configuration.getExpressionManager().addFunction(END_OF_BUSINESS_TODAY,
                    BusinessTimeFunctions.class.getMethod(END_OF_BUSINESS_TODAY));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The start of tomorrow in the business time zone, by the engine's clock. */
    public static Date endOfBusinessToday() {
        ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(zone);
        return Date.from(now.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }
}
