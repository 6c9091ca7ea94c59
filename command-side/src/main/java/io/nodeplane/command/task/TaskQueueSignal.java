package io.nodeplane.command.task;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "A task for this node can be claimed now": raised when a task is queued or re-queued, after the
 * transaction that stored it commits. Listeners in this process hear it directly; other instances
 * hear it through PostgreSQL ({@code NOTIFY nodeplane_task_queue}, sent inside the same transaction,
 * so it is delivered exactly when the task exists).
 */
@Component
public class TaskQueueSignal {

    public static final String CHANNEL = "nodeplane_task_queue";

    /**
     * A claimable task for a node ({@code taskId} null: the node changed, no task in particular).
     * {@code fresh}: just created, so the node took work when it was queued; a re-queued task may
     * meanwhile sit on a node in maintenance.
     */
    public record Queued(UUID nodeId, UUID taskId, boolean fresh) {
    }

    private final JdbcTemplate jdbc;
    private final String instanceId = UUID.randomUUID().toString();
    private final List<Consumer<Queued>> listeners = new CopyOnWriteArrayList<>();

    TaskQueueSignal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** This process's id in notifications ({@code instanceId:nodeId:taskId:fresh}), so it can ignore its own. */
    public String instanceId() {
        return instanceId;
    }

    public void subscribe(Consumer<Queued> listener) {
        listeners.add(listener);
    }

    /**
     * Something that decides a node's claims changed without a task being queued (maintenance ended,
     * the root-access profile changed): the node's claims look again. Called after the change is
     * visible in the read model.
     */
    public void nodeChanged(UUID nodeId) {
        Queued changed = new Queued(nodeId, null, false);
        notifyInstances(changed);
        listeners.forEach(l -> l.accept(changed));
    }

    /** Called by command handlers inside the unit of work that queued the task. */
    void queued(UUID nodeId, UUID taskId, boolean fresh) {
        Queued queued = new Queued(nodeId, taskId, fresh);
        notifyInstances(queued); // inside the unit of work's transaction: delivered at its commit
        CurrentUnitOfWork.get().afterCommit(uow -> listeners.forEach(l -> l.accept(queued)));
    }

    // payload instanceId:nodeId:taskId(or -):fresh
    private void notifyInstances(Queued q) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, instanceId + ":" + q.nodeId() + ":"
                + (q.taskId() == null ? "-" : q.taskId()) + ":" + q.fresh());
    }
}
