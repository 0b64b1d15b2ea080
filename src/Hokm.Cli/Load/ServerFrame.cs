namespace Hokm.Cli.Load;

/// <summary>
/// The fields of a server message the load bots use (PROTOCOL.md); anything else in a frame is
/// ignored, so the server may add fields and message types freely.
/// </summary>
internal sealed record ServerFrame
{
    public string? Type { get; init; }

    public int? Seat { get; init; }

    public string? Card { get; init; }

    public long? Version { get; init; }

    public IReadOnlyList<string>? Cards { get; init; }

    public IReadOnlyList<string>? Legal { get; init; }

    public IReadOnlyList<string>? Hand { get; init; }

    /// <summary><c>turn</c>'s optional action (<c>choose_trump</c> / <c>play_card</c>), an addition some servers send.</summary>
    public string? Action { get; init; }

    public string? Suit { get; init; }

    public string? GameId { get; init; }

    public string? Room { get; init; }

    public string? Phase { get; init; }

    public int? Turn { get; init; }

    public int? HandNumber { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? ReplyTo { get; init; }
}
