using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hokm.Server.Diagnostics;

/// <summary>
/// The game server's instruments, on meter <see cref="MeterName"/> (exported by OpenTelemetry at
/// <c>/metrics</c>). Tags are low-cardinality only: never a room code, game id or player id.
/// </summary>
public sealed class HokmDiagnostics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hokm.Server";

    /// <summary>The activity source's name (reserved for tracing; the server does not start activities yet).</summary>
    public const string ActivitySourceName = "Hokm.Server";

    private readonly Counter<long> _moves;
    private readonly Histogram<double> _moveDuration;
    private readonly UpDownCounter<long> _socketsOpen;
    private readonly UpDownCounter<long> _roomsActive;
    private readonly UpDownCounter<long> _playersConnected;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _gamesCompleted;
    private readonly Counter<long> _ownershipLost;
    private readonly Counter<long> _takeovers;

    /// <summary>Creates the instruments through <paramref name="meterFactory"/>.</summary>
    public HokmDiagnostics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _moves = meter.CreateCounter<long>("hokm.moves", "{move}", "Moves committed (trump choices and cards), by kind and whether the server moved for the seat.");
        _moveDuration = meter.CreateHistogram<double>(
            "hokm.move.duration",
            "s",
            "From a move's arrival in its room to its events being queued to the players (validation, commit, fan-out).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _socketsOpen = meter.CreateUpDownCounter<long>("hokm.sockets.open", "{socket}", "WebSockets open.");
        _roomsActive = meter.CreateUpDownCounter<long>("hokm.rooms.active", "{room}", "Rooms held in memory on this node.");
        _playersConnected = meter.CreateUpDownCounter<long>("hokm.players.connected", "{player}", "Players with a socket on this node.");
        _errors = meter.CreateCounter<long>("hokm.errors", "{error}", "Protocol errors sent to clients, by error code.");
        _gamesCompleted = meter.CreateCounter<long>("hokm.games.completed", "{game}", "Games written through to the persistent store and announced.");
        _ownershipLost = meter.CreateCounter<long>("hokm.rooms.ownership.lost", "{room}", "Rooms this node stopped owning because another node holds the lease, by how it learned it (fenced commit, failed renewal).");
        _takeovers = meter.CreateCounter<long>("hokm.rooms.takeovers", "{room}", "Rooms this node took over from an owner whose lease had ended.");
    }

    /// <summary>A move was committed.</summary>
    /// <param name="kind"><c>trump</c> or <c>play</c>.</param>
    /// <param name="automatic">True when the server moved for the seat (timeout, bot).</param>
    /// <param name="elapsed">From arrival to fan-out.</param>
    public void MoveCommitted(string kind, bool automatic, TimeSpan elapsed)
    {
        var tags = new TagList { { "kind", kind }, { "auto", automatic } };
        _moves.Add(1, tags);
        _moveDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A socket was accepted (+1) or ended (-1).</summary>
    public void SocketOpened(int delta) => _socketsOpen.Add(delta);

    /// <summary>A room was loaded or created (+1) or unloaded (-1).</summary>
    public void RoomActive(int delta) => _roomsActive.Add(delta);

    /// <summary>A player got (+1) or lost (-1) their socket on this node.</summary>
    public void PlayerConnected(int delta) => _playersConnected.Add(delta);

    /// <summary>A protocol error was sent.</summary>
    public void ErrorSent(string code) => _errors.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>A game was completed and announced.</summary>
    public void GameCompleted() => _gamesCompleted.Add(1);

    /// <summary>A room's ownership was lost (<c>fenced</c>: a commit was refused; <c>lease</c>: the renewal was).</summary>
    public void OwnershipLost(string reason) => _ownershipLost.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A room was taken over from a dead or paused owner.</summary>
    public void TookOver() => _takeovers.Add(1);
}
