using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Records;

/// <summary>One hand of a <see cref="GameRecord"/>; property order is the JSON order of GAME_RECORD.md.</summary>
public sealed record HandRecord
{
    /// <summary>Hand number, 1-based.</summary>
    public required int Number { get; init; }

    /// <summary>The Hakem.</summary>
    public required int Hakem { get; init; }

    /// <summary>Each seat's first five cards in the order dealt, keyed <c>"0"</c>..<c>"3"</c>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Card>> FirstFive { get; init; }

    /// <summary>Each seat's thirteen cards in the order dealt (first five included), keyed <c>"0"</c>..<c>"3"</c>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Card>> Deal { get; init; }

    /// <summary>The trump suit.</summary>
    public required Suit Trump { get; init; }

    /// <summary>True when trump was chosen on timeout.</summary>
    public required bool TrumpAuto { get; init; }

    /// <summary>The tricks actually played.</summary>
    public required IReadOnlyList<TrickRecord> Tricks { get; init; }

    /// <summary>Tricks per team.</summary>
    public required TeamScore TricksWon { get; init; }

    /// <summary>The team that reached 7 tricks.</summary>
    public required Team Winner { get; init; }

    /// <summary>Points scored: 1, 2 (Kot) or 3 (Hakem Kot).</summary>
    public required int Points { get; init; }

    /// <summary>Sweep kind.</summary>
    public required Kot Kot { get; init; }

    /// <summary>The running score after this hand.</summary>
    public required TeamScore Score { get; init; }
}
