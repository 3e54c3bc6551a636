package io.qualtrack.content.catalogue.web;

import io.qualtrack.content.catalogue.Unit;
import io.qualtrack.content.catalogue.UnitCatalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final UnitCatalogue catalogue;

    UnitController(UnitCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The latest version of every unit. */
    @GetMapping
    List<UnitResponse> units() {
        return catalogue.latestUnits().stream().map(this::withVersions).toList();
    }

    @GetMapping("/{code}")
    UnitResponse unit(@PathVariable String code) {
        return withVersions(catalogue.latest(code));
    }

    @GetMapping("/{code}/versions/{version}")
    UnitResponse unitVersion(@PathVariable String code, @PathVariable int version) {
        return withVersions(catalogue.version(code, version));
    }

    /** Stores the body as the unit's next version (version 1 for a new code); published shortly after. */
    @PostMapping("/{code}/versions")
    ResponseEntity<UnitResponse> createVersion(@PathVariable String code, @RequestBody UnitVersionRequest request) {
        Unit unit = catalogue.createVersion(code, request.toDraft());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{version}")
                .buildAndExpand(unit.version()).toUri();
        return ResponseEntity.created(location).body(withVersions(unit));
    }

    private UnitResponse withVersions(Unit unit) {
        return UnitResponse.of(unit, catalogue.versions(unit.code()));
    }
}
