package io.nodeplane.command.task;

import java.util.Set;
import java.util.TreeSet;

/** The task types the product knows (contract §1.6), for contexts that name a type without creating a task. */
public final class TaskTypes {

    private TaskTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && TaskPayloads.TYPES.contains(type);
    }

    /** All known types, sorted. */
    public static Set<String> all() {
        return new TreeSet<>(TaskPayloads.TYPES);
    }
}
