package io.qualtrack.content.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DraftJsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(DraftJson.quote("say \"hi\"\\ \n\t\u0001 – ’"))
                .isEqualTo("\"say \\\"hi\\\"\\\\ \\n\\t\\u0001 – ’\"");
    }

    @Test
    void writesTheDraftInTheAgreedShape() {
        ProposedUnit draft = new ProposedUnit("U-1", "Budgets \"101\"", "A summary.",
                List.of(new ParsedLearningOutcome("LO1", "Understand budgets")),
                List.of(new DraftCriterion("1.1", "LO1", "Explain budgets.", List.of(1, 3), 0.8)),
                List.of("Use examples."), List.of(), List.of("Budget cycle"), List.of("Spreadsheets"),
                List.of("ignored in JSON"));

        String json = DraftJson.write(draft);

        assertThat(json).isEqualTo("""
                {
                  "code": "U-1",
                  "title": "Budgets \\"101\\"",
                  "summary": "A summary.",
                  "learningOutcomes": [
                    {
                      "code": "LO1",
                      "text": "Understand budgets"
                    }
                  ],
                  "criteria": [
                    {
                      "code": "1.1",
                      "learningOutcome": "LO1",
                      "text": "Explain budgets.",
                      "sourcePhrasings": [1, 3]
                    }
                  ],
                  "assessmentGuidance": [
                    "Use examples."
                  ],
                  "commonMistakes": [],
                  "keyConcepts": [
                    "Budget cycle"
                  ],
                  "priorKnowledge": [
                    "Spreadsheets"
                  ]
                }""");
    }
}
