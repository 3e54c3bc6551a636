/** Events on {@link io.qualtrack.contract.Topics#ACTIVITY}: what learners, assessors and IQA do. */
@NullMarked
package io.qualtrack.contract.activity;

import org.jspecify.annotations.NullMarked;
