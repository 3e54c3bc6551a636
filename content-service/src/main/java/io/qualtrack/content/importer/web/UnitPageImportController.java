package io.qualtrack.content.importer.web;

import io.qualtrack.content.catalogue.UnitDraftRules;
import io.qualtrack.content.importer.ImportReport;
import io.qualtrack.content.importer.ParsedUnitPage;
import io.qualtrack.content.importer.ProposedUnit;
import io.qualtrack.content.importer.UnitDraftProposer;
import io.qualtrack.content.importer.UnitPageFormatException;
import io.qualtrack.content.importer.UnitPageParser;
import io.qualtrack.content.importer.UnitPageTooLargeException;
import io.qualtrack.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a unit revision page (plain text, the format of {@code catalogue/sources/}) and answers what
 * it parsed plus a draft to review. Nothing is stored: the author edits the draft and posts it to
 * {@code /api/units/{code}/versions}. A page over {@link UnitPageParser#MAX_BYTES} is answered 413, one with more than
 * {@link UnitPageParser#MAX_BULLETS} bullet lines 400.
 */
@RestController
class UnitPageImportController {

    record UnitPageImportResponse(ImportReport report, String reportText, ProposedUnit draft) {
    }

    @PostMapping(path = "/api/unit-pages", consumes = MediaType.TEXT_PLAIN_VALUE)
    UnitPageImportResponse importPage(@RequestParam(defaultValue = "NEW-UNIT") String code, @RequestBody String page) {
        if (!UnitDraftRules.UNIT_CODE.matcher(code).matches()) {
            throw new UnitPageFormatException("unit code must be 2-32 upper-case letters, digits or '-'");
        }
        ParsedUnitPage parsed = new UnitPageParser().parse(page);
        ProposedUnit draft = new UnitDraftProposer().propose(code, parsed);
        ImportReport report = ImportReport.of(parsed, draft);
        return new UnitPageImportResponse(report, report.toText(), draft);
    }

    @ExceptionHandler(UnitPageTooLargeException.class)
    ProblemDetail tooLarge(UnitPageTooLargeException e) {
        return switch (e.limit()) {
            case BYTES -> Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Unit page too large", e.getMessage());
            case BULLETS -> Problems.of(HttpStatus.BAD_REQUEST, "Too many bullets on the unit page", e.getMessage());
        };
    }

    @ExceptionHandler(UnitPageFormatException.class)
    ProblemDetail notAUnitPage(UnitPageFormatException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not a unit page");
        return problem;
    }
}
