package io.qualtrack.content.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A raw page split into its headed sections. Sections that repeat are concatenated, and the
 * non-blank lines are kept trimmed, in page order.
 */
final class SectionedPage {

    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
    private static final String BULLET = "•";

    private final Map<PageSection, List<String>> linesBySection = new EnumMap<>(PageSection.class);
    private final Set<PageSection> headingsSeen = EnumSet.noneOf(PageSection.class);
    private final List<String> allLines = new ArrayList<>();
    private final Map<String, Integer> statedCounts = new HashMap<>();

    private SectionedPage() {
    }

    static SectionedPage split(String text) {
        SectionedPage page = new SectionedPage();
        PageSection current = PageSection.PREAMBLE;
        String previous = "";
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.replace('\u00A0', ' ').replace("\uFEFF", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean afterCount = COUNT.matcher(previous).matches();
            Optional<PageSection> heading = PageSection.byHeading(line);
            // The stats block ("12" / "Assessment Criteria") reuses heading words as labels
            // under a number; such a label is a count, not the start of a section.
            if (heading.isPresent() && !afterCount) {
                current = heading.get();
                page.headingsSeen.add(current);
            } else {
                if (afterCount) {
                    page.statedCounts.putIfAbsent(line, Integer.parseInt(previous));
                }
                page.linesBySection.computeIfAbsent(current, section -> new ArrayList<>()).add(line);
                page.allLines.add(line);
            }
            previous = line;
        }
        return page;
    }

    boolean has(PageSection section) {
        return headingsSeen.contains(section);
    }

    List<String> lines(PageSection section) {
        return linesBySection.getOrDefault(section, List.of());
    }

    /** Every non-blank line outside the headings, in page order. */
    List<String> allLines() {
        return allLines;
    }

    /** The section's bullet lines with the bullet (and any emoji marker after it) removed. */
    List<String> bullets(PageSection section) {
        return lines(section).stream()
                .filter(SectionedPage::isBullet)
                .map(SectionedPage::withoutMarkers)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** Lines in a bullet-list section that are neither bullets nor the section's fixed strapline. */
    List<String> strayLines(PageSection section) {
        return lines(section).stream()
                .filter(line -> !isBullet(line) && !section.isStrapline(line))
                .toList();
    }

    /** A count from the page's stats block, e.g. 12 for the label "Assessment Criteria". */
    OptionalInt statedCount(String label) {
        Integer count = statedCounts.get(label);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    static boolean isBullet(String line) {
        return line.startsWith(BULLET);
    }

    /** Strips leading bullets, emoji markers (e.g. "💡") and the spaces between them. */
    static String withoutMarkers(String line) {
        int start = 0;
        while (start < line.length()) {
            int codePoint = line.codePointAt(start);
            boolean marker = codePoint == '•' || Character.isWhitespace(codePoint) || isEmojiMarker(codePoint);
            if (!marker) {
                break;
            }
            start += Character.charCount(codePoint);
        }
        return line.substring(start).strip();
    }

    private static boolean isEmojiMarker(int codePoint) {
        // Pictographs (💡 is U+1F4A1) and the variation selector that may follow them.
        return (codePoint >= 0x1F300 && codePoint <= 0x1FAFF)
                || (codePoint >= 0x2600 && codePoint <= 0x27BF)
                || codePoint == 0xFE0F;
    }
}
