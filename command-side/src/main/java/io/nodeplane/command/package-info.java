/**
 * The write side: commands, the aggregates that decide them, and the set-validation tables that
 * guard uniqueness in the same transaction as the events. Never reads read models.
 */
package io.nodeplane.command;
