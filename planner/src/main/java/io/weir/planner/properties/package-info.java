/** Physical properties of streaming plans: changelog modes, unique keys and time attributes. */
package io.weir.planner.properties;
