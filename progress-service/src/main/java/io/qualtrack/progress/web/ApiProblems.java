package io.qualtrack.progress.web;

import io.qualtrack.web.ProblemDetailsAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API, as every service answers them. */
@RestControllerAdvice
class ApiProblems extends ProblemDetailsAdvice {
}
