package io.qualtrack.content.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one raw unit revision page (title run into "ATHE Ltd Occupational Qualification …",
 * repeated sections, learning outcomes run together on one line) into a {@link ParsedUnitPage}.
 */
public final class UnitPageParser {

    /** The largest page read, as UTF-8: the real revision pages are 10–18 KB. */
    public static final int MAX_BYTES = 512 * 1024;
    /**
     * The most bullet lines a page may hold: the real pages have at most 88. Near-repeats are found by comparing bullets
     * pairwise, so this bounds the time an import takes (well under a second at the limit).
     */
    public static final int MAX_BULLETS = 300;

    private static final String PROVIDER_MARKER = "ATHE Ltd";
    // Outcomes are glued to each other ("…leadershipLO2: Be able…"), so no word boundary before "LO".
    private static final Pattern LEARNING_OUTCOME_CODE = Pattern.compile("(?<![A-Z])LO\\s?(\\d{1,2})\\s*:");
    private static final int SNIPPET_LENGTH = 60;

    public ParsedUnitPage parse(String pageText) {
        if (pageText == null || pageText.isBlank()) {
            throw new UnitPageFormatException("not a unit revision page: the text is empty");
        }
        int bytes = pageText.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new UnitPageTooLargeException(UnitPageTooLargeException.Limit.BYTES, "the page is " + bytes
                    + " bytes; the importer reads pages of at most " + MAX_BYTES + " bytes (512 KB)");
        }
        SectionedPage page = SectionedPage.split(pageText);
        long bullets = page.allLines().stream().filter(SectionedPage::isBullet).count();
        if (bullets > MAX_BULLETS) {
            throw new UnitPageTooLargeException(UnitPageTooLargeException.Limit.BULLETS, "the page has " + bullets
                    + " bullet lines; the importer reads pages of at most " + MAX_BULLETS);
        }
        List<String> warnings = new ArrayList<>();
        List<String> missing = new ArrayList<>();

        String title = title(page, warnings);
        if (title.isEmpty()) {
            missing.add("no unit title found (the first line should read '<title>" + PROVIDER_MARKER
                    + " Occupational Qualification …')");
        }
        List<ParsedLearningOutcome> learningOutcomes = learningOutcomes(page, warnings);
        if (learningOutcomes.isEmpty()) {
            missing.add("no learning outcomes (LO1: …) found");
        }
        List<String> criterionPhrasings = page.bullets(PageSection.ASSESSMENT_CRITERIA);
        if (criterionPhrasings.isEmpty()) {
            missing.add(page.has(PageSection.ASSESSMENT_CRITERIA)
                    ? "the 'Assessment Criteria' section has no bullets"
                    : "no 'Assessment Criteria' section (bullets under 'Key criteria assessors look for in your portfolio') found");
        }
        if (!missing.isEmpty()) {
            throw new UnitPageFormatException("not a unit revision page: " + String.join("; ", missing));
        }
        checkStatedCriteriaCount(page, criterionPhrasings.size(), warnings);
        warnAboutStrayLines(page, PageSection.ASSESSMENT_CRITERIA, warnings);

        return new ParsedUnitPage(
                title,
                summary(page, warnings),
                qualifications(page, warnings),
                learningOutcomes,
                criterionPhrasings,
                items(page, PageSection.ASSESSMENT_GUIDANCE, warnings),
                items(page, PageSection.COMMON_MISTAKES, warnings),
                items(page, PageSection.KEY_CONCEPTS, warnings),
                items(page, PageSection.BEFORE_YOU_START, warnings),
                warnings);
    }

    private static String title(SectionedPage page, List<String> warnings) {
        List<String> preamble = page.lines(PageSection.PREAMBLE);
        if (preamble.isEmpty()) {
            return "";
        }
        String firstLine = preamble.getFirst();
        int marker = firstLine.indexOf(PROVIDER_MARKER);
        if (marker < 0) {
            warnings.add("first line does not contain '" + PROVIDER_MARKER + "'; the whole line was taken as the title");
            return firstLine;
        }
        String title = firstLine.substring(0, marker).strip();
        List<String> header = page.lines(PageSection.TAB_MARKING_POINTS);
        if (!title.isEmpty() && !header.isEmpty() && !header.getFirst().equals(title)) {
            warnings.add("title on the first line ('" + title + "') differs from the page header ('"
                    + header.getFirst() + "')");
        }
        return title;
    }

    private static String summary(SectionedPage page, List<String> warnings) {
        if (!page.has(PageSection.TOPIC_SYNOPSIS)) {
            warnings.add("no 'Topic Synopsis' section; summary left empty");
            return "";
        }
        List<String> lines = page.lines(PageSection.TOPIC_SYNOPSIS);
        if (lines.isEmpty()) {
            warnings.add("'Topic Synopsis' section is empty; summary left empty");
            return "";
        }
        return SectionedPage.withoutMarkers(lines.getFirst());
    }

    private static List<String> qualifications(SectionedPage page, List<String> warnings) {
        if (!page.has(PageSection.QUALIFICATIONS)) {
            warnings.add("no 'Assessment criteria' (qualifications) section; no qualifications listed");
            return List.of();
        }
        LinkedHashSet<String> qualifications = new LinkedHashSet<>();
        for (String line : page.lines(PageSection.QUALIFICATIONS)) {
            String qualification = SectionedPage.withoutMarkers(line);
            if (!qualification.isEmpty()) {
                qualifications.add(qualification);
            }
        }
        if (qualifications.isEmpty()) {
            warnings.add("'Assessment criteria' (qualifications) section is empty");
        }
        return List.copyOf(qualifications);
    }

    private static List<ParsedLearningOutcome> learningOutcomes(SectionedPage page, List<String> warnings) {
        List<String> objectiveLines = page.lines(PageSection.LEARNING_OBJECTIVES);
        Map<Integer, String> byNumber = new TreeMap<>();
        objectiveLines.forEach(line -> collectLearningOutcomes(line, byNumber, warnings));
        if (byNumber.isEmpty()) {
            page.allLines().forEach(line -> collectLearningOutcomes(line, byNumber, warnings));
            if (!byNumber.isEmpty()) {
                warnings.add("learning outcomes found outside the 'Learning Objectives' section");
            }
        }
        long uncoded = objectiveLines.stream()
                .filter(SectionedPage::isBullet)
                .filter(line -> !LEARNING_OUTCOME_CODE.matcher(line).find())
                .count();
        if (uncoded > 0) {
            warnings.add("'Learning Objectives' has " + uncoded + " bullet(s) without an LO code; ignored");
        }
        warnAboutGaps(byNumber, warnings);
        return byNumber.entrySet().stream()
                .map(entry -> new ParsedLearningOutcome("LO" + entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Adds each "LOn: text" on the line, keeping the first wording when an outcome repeats. */
    private static void collectLearningOutcomes(String line, Map<Integer, String> byNumber, List<String> warnings) {
        Matcher matcher = LEARNING_OUTCOME_CODE.matcher(line);
        List<int[]> codes = new ArrayList<>();
        while (matcher.find()) {
            codes.add(new int[] {Integer.parseInt(matcher.group(1)), matcher.start(), matcher.end()});
        }
        for (int i = 0; i < codes.size(); i++) {
            int number = codes.get(i)[0];
            int textEnd = i + 1 < codes.size() ? codes.get(i + 1)[1] : line.length();
            String text = outcomeText(line.substring(codes.get(i)[2], textEnd));
            if (text.isEmpty()) {
                warnings.add("LO" + number + " has no text after its code; ignored");
                continue;
            }
            String earlier = byNumber.putIfAbsent(number, text);
            if (earlier != null && !earlier.equals(text)) {
                String warning = "LO" + number + " is worded differently in two places; kept '" + snippet(earlier) + "'";
                if (!warnings.contains(warning)) {
                    warnings.add(warning);
                }
            }
        }
    }

    private static String outcomeText(String raw) {
        String text = raw.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static void warnAboutGaps(Map<Integer, String> byNumber, List<String> warnings) {
        int expected = 1;
        for (int number : byNumber.keySet()) {
            if (number != expected) {
                warnings.add("learning outcomes are not numbered LO1..LOn: LO" + expected + " is missing");
                return;
            }
            expected++;
        }
    }

    private static List<String> items(SectionedPage page, PageSection section, List<String> warnings) {
        if (!page.has(section)) {
            warnings.add("no '" + section.heading() + "' section");
            return List.of();
        }
        warnAboutStrayLines(page, section, warnings);
        List<String> bullets = page.bullets(section);
        if (bullets.isEmpty()) {
            warnings.add("'" + section.heading() + "' section is empty");
        }
        return NearDuplicates.merge(bullets);
    }

    private static void warnAboutStrayLines(SectionedPage page, PageSection section, List<String> warnings) {
        List<String> stray = page.strayLines(section);
        if (!stray.isEmpty()) {
            warnings.add("'" + section.heading() + "' has " + stray.size() + " line(s) that are not bullets, ignored, e.g. '"
                    + snippet(stray.getFirst()) + "'");
        }
    }

    private static void checkStatedCriteriaCount(SectionedPage page, int parsed, List<String> warnings) {
        OptionalInt stated = page.statedCount(PageSection.ASSESSMENT_CRITERIA.heading());
        if (stated.isPresent() && stated.getAsInt() != parsed) {
            warnings.add("page header states " + stated.getAsInt() + " assessment criteria but "
                    + parsed + " criterion bullets were found");
        }
    }

    private static String snippet(String text) {
        return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…";
    }
}
