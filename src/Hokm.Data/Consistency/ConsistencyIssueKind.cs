namespace Hokm.Data.Consistency;

/// <summary>A kind of difference between the live tier and the persistent tier.</summary>
public enum ConsistencyIssueKind
{
    /// <summary>PostgreSQL holds a newer version of the room than Redis (committed while Redis was down). Fix: rehydrate Redis.</summary>
    RedisBehindPersistent,

    /// <summary>The room's outbox holds entries but the pending index does not name it, so the worker would not see it until a sweep. Fix: re-index.</summary>
    OutboxNotIndexed,

    /// <summary>The room's oldest outbox entry is older than the degraded-lag threshold. Fix: drain it now.</summary>
    OutboxLagging,

    /// <summary>Entries wait in the dead-letter store. Not fixed automatically: inspect and replay them (<c>hokm dead-letters</c>).</summary>
    DeadLettersPending,
}
