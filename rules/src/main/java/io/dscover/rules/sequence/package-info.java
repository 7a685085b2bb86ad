/** {@code sequence by KEYS within D [A] then [B] ...}: steps in order, same key, within the duration. */
package io.dscover.rules.sequence;
