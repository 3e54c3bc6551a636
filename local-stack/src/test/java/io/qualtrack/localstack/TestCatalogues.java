package io.qualtrack.localstack;

/** Catalogues for tests in other packages. */
public final class TestCatalogues {

    /** The seed catalogue's shape (five qualifications, five units), as the demo generator's tests use it. */
    public static final CatalogueSnapshot SEED_SHAPE = DemoGeneratorTest.CATALOGUE;

    private TestCatalogues() {
    }
}
