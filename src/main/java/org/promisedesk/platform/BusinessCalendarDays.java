package org.promisedesk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the years of public holidays and make-up working days: the files shipped in
 * {@code calendar/*.yaml} on the class path, then an operator's file, whose years replace shipped
 * ones. A file holds one year per YAML document ({@code ---} between them):
 *
 * <pre>
 * year: 2026
 * status: official            # or provisional
 * source: 国务院办公厅关于2026年部分节假日安排的通知
 * days-off:
 *   - 2026-01-01 .. 2026-01-03  # a range, both ends included
 * working-days:                 # weekend days that are working days (调休)
 *   - 2026-01-04
 * </pre>
 */
final class BusinessCalendarDays {

    static final String SHIPPED = "classpath*:calendar/*.yaml";

    /** One year's data. */
    record Year(int year, boolean provisional, String source, Set<LocalDate> daysOff, Set<LocalDate> workingDays) {
    }

    /** The shipped years, replaced year by year by those in {@code extraFile} (when not blank). */
    static Map<Integer, Year> load(String extraFile) {
        Map<Integer, Year> years = new TreeMap<>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            for (Resource resource : shipped) {
                try (InputStream in = resource.getInputStream()) {
                    for (Year year : parse(in, resource.getFilename())) {
                        if (years.put(year.year(), year) != null) {
                            throw new IllegalStateException("Business calendar: year " + year.year()
                                    + " is in more than one file under calendar/ (" + resource.getFilename() + ")");
                        }
                    }
                }
            }
            if (extraFile != null && !extraFile.isBlank()) {
                Path path = Path.of(extraFile.strip());
                if (!Files.isReadable(path)) {
                    throw new IllegalStateException("promise-desk.calendar.extra-days-file " + path.toAbsolutePath()
                            + " does not exist or cannot be read");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    parse(in, path.toString()).forEach(year -> years.put(year.year(), year));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Business calendar: cannot read the calendar files", e);
        }
        return years;
    }

    static List<Year> parse(InputStream in, String name) {
        List<Year> years = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new DatesAsText());
        for (Object document : yaml.loadAll(in)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw problem(name, "each document must be a mapping with year, days-off and working-days");
            }
            years.add(year(map, name));
        }
        return years;
    }

    private static Year year(Map<?, ?> map, String name) {
        if (!(map.get("year") instanceof Integer year) || year < 1900 || year > 2999) {
            throw problem(name, "'year' must be a year like 2026, not " + map.get("year"));
        }
        Object status = map.get("status");
        if (status != null && !"official".equals(status) && !"provisional".equals(status)) {
            throw problem(name, year + ": 'status' must be official or provisional, not " + status);
        }
        Set<LocalDate> daysOff = days(map.get("days-off"), year, "days-off", name);
        Set<LocalDate> workingDays = days(map.get("working-days"), year, "working-days", name);
        for (LocalDate day : workingDays) {
            if (daysOff.contains(day)) {
                throw problem(name, day + " is both a day off and a working day");
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw problem(name, "working-days lists weekend days that are working days; " + day + " is a "
                        + day.getDayOfWeek());
            }
        }
        Object source = map.get("source");
        return new Year(year, "provisional".equals(status), source == null ? "" : source.toString(),
                Collections.unmodifiableSet(daysOff), Collections.unmodifiableSet(workingDays));
    }

    private static Set<LocalDate> days(Object entries, int year, String key, String name) {
        Set<LocalDate> days = new HashSet<>();
        if (entries == null) {
            return days;
        }
        if (!(entries instanceof List<?> list)) {
            throw problem(name, year + ": '" + key + "' must be a list of dates (- 2026-01-01) or ranges"
                    + " (- 2026-01-01 .. 2026-01-03)");
        }
        for (Object entry : list) {
            LocalDate from;
            LocalDate to;
            if (entry instanceof String text && text.contains("..")) {
                String[] ends = text.split("\\.\\.");
                from = date(ends[0], name);
                to = date(ends.length == 2 ? ends[1] : "", name);
            } else {
                from = date(entry, name);
                to = from;
            }
            if (to.isBefore(from) || from.getYear() != year || to.getYear() != year) {
                throw problem(name, year + ": '" + key + "' entry " + entry + " must be a date or range in " + year);
            }
            from.datesUntil(to.plusDays(1)).forEach(days::add);
        }
        return days;
    }

    private static LocalDate date(Object value, String name) {
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw problem(name, "'" + value + "' is not a date like 2026-01-04 or a range like 2026-01-01 .. 2026-01-03");
        }
    }

    private static IllegalStateException problem(String name, String problem) {
        return new IllegalStateException("Business calendar file " + name + ": " + problem);
    }

    /** Dates stay text (SnakeYAML would read 2028-13-01 as 1 January 2029), {@link LocalDate} parses them. */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }

    private BusinessCalendarDays() {
    }
}
