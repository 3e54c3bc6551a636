package io.qualtrack.replica;

import io.qualtrack.contract.content.QualificationDefinition;
import io.qualtrack.contract.content.UnitDefinition;

import java.util.Optional;
import java.util.OptionalInt;

/** The catalogue as far as progress-service has received it from the content topic. */
public interface CatalogueView {

    Optional<QualificationDefinition> qualification(String code);

    Optional<UnitDefinition> unit(String code, int version);

    OptionalInt latestVersion(String unitCode);
}
