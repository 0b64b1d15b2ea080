namespace Hokm.Cli.Load;

/// <summary>
/// The card plays of one game as its four clients saw them, merged by the server's version number
/// (a client that was disconnected misses some; the others fill them in). Thread-safe.
/// </summary>
internal sealed class ObservedGame
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, ObservedPlay> _plays = [];
    private readonly List<string> _conflicts = [];

    public string? GameId { get; set; }

    public IReadOnlyList<string> Conflicts
    {
        get
        {
            lock (_lock)
            {
                return [.. _conflicts];
            }
        }
    }

    public void Add(long version, ObservedPlay play)
    {
        lock (_lock)
        {
            if (_plays.TryGetValue(version, out var seen))
            {
                if (seen != play)
                {
                    _conflicts.Add($"version {version}: one client saw {seen}, another {play}");
                }

                return;
            }

            _plays.Add(version, play);
        }
    }

    /// <summary>The plays in server order.</summary>
    public IReadOnlyList<ObservedPlay> Plays()
    {
        lock (_lock)
        {
            return [.. _plays.Values];
        }
    }
}
