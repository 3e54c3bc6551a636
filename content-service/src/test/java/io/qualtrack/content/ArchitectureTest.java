package io.qualtrack.content;

import io.qualtrack.content.catalogue.Catalogue;
import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitDraft;
import io.qualtrack.content.catalogue.UnitDraftRules;
import io.qualtrack.content.importer.TextSimilarity;
import io.qualtrack.content.importer.UnitPageParser;
import io.qualtrack.testsupport.PlainDomain;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theCatalogueRulesAndThePageParserArePlainJava() {
        PlainDomain.check(UnitDraftRules.class, UnitDraft.class, Unit.class, Catalogue.class, UnitPageParser.class,
                TextSimilarity.class);
    }
}
