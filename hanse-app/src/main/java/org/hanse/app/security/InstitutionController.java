package org.hanse.app.security;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/institutions}: the platform operator admits lenders and certifiers. */
@RestController
class InstitutionController {

    private final Institutions institutions;
    private final Validator validator;

    InstitutionController(Institutions institutions, Validator validator) {
        this.institutions = institutions;
        this.validator = validator;
    }

    /** Body of {@code POST /api/v1/institutions}. */
    record CreateInstitutionRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "lower-case letters, digits and '-', 2 to 64") String id,
                                    @NotNull InstitutionKind kind, @NotBlank @Size(max = 200) String name, Person person) {
    }

    /** The optional person who signs in for the institution; People checks the fields (paths {@code person.*}). */
    record Person(String email, String name, String password) {
    }

    /** An institution as the API shows it; {@code apiKey} only in the answer to its creation. */
    record InstitutionView(String id, InstitutionKind kind, String name, Instant createdAt, String apiKey) {

        static InstitutionView of(Institutions.Institution i, String apiKey) {
            return new InstitutionView(i.id(), i.kind(), i.name(), i.createdAt(), apiKey);
        }
    }

    /** The operator's list of institutions. */
    record InstitutionList(List<InstitutionView> items) {
    }

    @PostMapping("/api/v1/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    InstitutionView create(@RequestBody CreateInstitutionRequest body, Principal principal) {
        // Who may ask comes first: a node learns 403, not what the body lacks.
        if (!principal.isOperator()) {
            throw new org.hanse.app.web.ForbiddenException("only the platform operator creates lenders and certifiers");
        }
        java.util.Set<ConstraintViolation<CreateInstitutionRequest>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new org.hanse.core.validation.InvalidInputException(violations.stream()
                    .map(v -> new org.hanse.core.validation.Problem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(org.hanse.core.validation.Problem::path)).toList());
        }
        Institutions.Created created = institutions.create(body.id(), body.kind(), body.name(),
                body.person() == null ? null : new Institutions.Officer(body.person().email(), body.person().name(), body.person().password()), principal);
        return InstitutionView.of(created.institution(), created.apiKey());
    }

    @GetMapping("/api/v1/institutions")
    InstitutionList list(Principal principal) {
        if (!principal.isOperator()) {
            throw new org.hanse.app.web.ForbiddenException("only the platform operator lists institutions");
        }
        return new InstitutionList(institutions.all().stream().map(i -> InstitutionView.of(i, null)).toList());
    }
}
