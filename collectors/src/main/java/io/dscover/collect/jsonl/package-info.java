/** The collector for events already in dscover's JSON form ({@code *.events.jsonl}). */
package io.dscover.collect.jsonl;
