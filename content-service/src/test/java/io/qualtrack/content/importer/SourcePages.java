package io.qualtrack.content.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The five raw seed pages, read from the classpath. */
enum SourcePages {
    STRATEGIC_LEADERSHIP("000_6d113916ce22f001.txt"),
    OPERATIONS_AND_RESOURCES("001_7f047437fb3721d3.txt"),
    QUALITY_OF_TEACHING("002_b18e82bdb17f2e65.txt"),
    DEVELOPING_SELF_AND_OTHERS("003_b0b95b94dff4ee0d.txt"),
    MANAGING_PROFESSIONAL_DEVELOPMENT("004_59c605f95764d972.txt");

    private final String fileName;

    SourcePages(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    String text() {
        String resource = "catalogue/sources/" + fileName;
        try (InputStream in = SourcePages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParsedUnitPage parsed() {
        return new UnitPageParser().parse(text());
    }
}
