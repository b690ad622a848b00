/**
 * NumPy's floating-point semantics that reference parity depends on: pairwise summation (the order in
 * which {@code np.sum} and {@code np.mean} add), {@code np.interp}, {@code np.linspace} and
 * {@code np.round}. Pure static functions on primitive arrays; thread-safe.
 */
package io.avreplay.eval.numpy;
