namespace Hokm.Data;

/// <summary>How a write reaches the two stores (DESIGN.md "Write modes").</summary>
public enum WriteMode
{
    /// <summary>PostgreSQL before the call returns, then Redis: accounts, game completion, ranking stats.</summary>
    WriteThrough,

    /// <summary>Redis now, atomically with an outbox entry; PostgreSQL from the outbox in batches: moves, live state.</summary>
    WriteBehind,

    /// <summary>Not cached; reaches PostgreSQL from the outbox eventually: action and audit logs.</summary>
    Eventual,
}
