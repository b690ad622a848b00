/**
 * The domain exceptions every avreplay module throws. All are unchecked and extend
 * {@link io.avreplay.error.AvreplayException}; the command line maps each family to an exit code:
 * {@link io.avreplay.error.BadInputException} (and its subclasses) to 3,
 * {@link io.avreplay.error.InvalidConfigException} to 2. Messages are one line saying what, where
 * (file, batch, row, field) and expected versus actual.
 */
package io.avreplay.error;
