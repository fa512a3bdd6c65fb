/**
 * Measurements of the cache next to the peers a Java team would use instead, side by side in one run; see
 * {@code docs/PERFORMANCE.md} for the figures and the commands that reproduce them.
 */
package com.realestate.benchmarks;
