package io.qualtrack.report.catalogue;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;
import io.qualtrack.replica.CatalogueView;

import java.util.Optional;
import java.util.OptionalInt;

/** A catalogue that knows nothing yet: progress read through it keeps the words it was stored with. */
public final class EmptyCatalogue implements CatalogueView {

    @Override
    public Optional<QualificationDefinition> qualification(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<UnitDefinition> unit(String code, int version) {
        return Optional.empty();
    }

    @Override
    public OptionalInt latestVersion(String unitCode) {
        return OptionalInt.empty();
    }
}
