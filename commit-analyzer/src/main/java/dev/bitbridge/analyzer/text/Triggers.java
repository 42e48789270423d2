package dev.bitbridge.analyzer.text;

import java.util.List;

/**
 * What one text asks for: its trigger tags, or that nothing be built.
 *
 * @param tags the trigger tags, in order of appearance, each distinct tag once; empty when {@link #skip()}
 * @param skip whether the text says {@code [skip ci]}, {@code [ci skip]} or {@code #skip-ci}
 */
public record Triggers(List<TriggerTag> tags, boolean skip) {

    public static final Triggers NONE = new Triggers(List.of(), false);

    public Triggers {
        tags = List.copyOf(tags);
    }
}
