/** Events on {@link io.qualtrack.contract.Topics#PROGRESS}: each enrolment's progress as progress-service computed it. */
@NullMarked
package io.qualtrack.contract.progress;

import org.jspecify.annotations.NullMarked;
