package io.qualtrack.content.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Command line: {@code UnitPageImport <page-file> [unit-code]} prints the import report and then
 * the proposed unit draft as JSON.
 */
public final class UnitPageImport {

    static final String DEFAULT_UNIT_CODE = "NEW-UNIT";
    static final int OK = 0;
    static final int USAGE_OR_UNREADABLE_FILE = 2;
    static final int NOT_A_UNIT_PAGE = 3;

    private UnitPageImport() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
            err.println("usage: UnitPageImport <page-file> [unit-code]   (unit code defaults to " + DEFAULT_UNIT_CODE + ")");
            return USAGE_OR_UNREADABLE_FILE;
        }
        String unitCode = args.length == 2 && !args[1].isBlank() ? args[1].strip() : DEFAULT_UNIT_CODE;
        String pageText;
        try {
            pageText = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            err.println("cannot read page file '" + args[0] + "': " + describe(e));
            return USAGE_OR_UNREADABLE_FILE;
        }
        try {
            ParsedUnitPage page = new UnitPageParser().parse(pageText);
            ProposedUnit draft = new UnitDraftProposer().propose(unitCode, page);
            out.println(ImportReport.of(page, draft).toText());
            out.println(DraftJson.write(draft));
            return OK;
        } catch (UnitPageFormatException e) {
            err.println("'" + args[0] + "' " + e.getMessage());
            return NOT_A_UNIT_PAGE;
        }
    }

    private static String describe(Exception e) {
        return switch (e) {
            case NoSuchFileException ignored -> "no such file";
            case AccessDeniedException ignored -> "access denied";
            case MalformedInputException ignored -> "not UTF-8 text";
            case InvalidPathException invalid -> "invalid path (" + invalid.getReason() + ")";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
