/** Calcite setup of one planning call: types, parser and validator settings, expression conversion, errors. */
package io.weir.planner.calcite;
