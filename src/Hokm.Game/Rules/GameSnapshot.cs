using System.Text.Json;
using Hokm.Game.Cards;
using Hokm.Game.Serialization;

namespace Hokm.Game.Rules;

/// <summary>
/// The full server-side state of a game — ALL hands included, so it must never reach a client. Small on
/// purpose (it is written on every move): the current hand, scores and seed, not the history; the cards
/// already played this hand are whatever is in no hand and not on the table.
/// </summary>
public sealed record GameSnapshot
{
    /// <summary>The format this code writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Format version of the snapshot document.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The game's seed (later hands are dealt from it).</summary>
    public required string Seed { get; init; }

    /// <summary>The game's options.</summary>
    public required GameOptions Options { get; init; }

    /// <summary>The phase.</summary>
    public required GamePhase Phase { get; init; }

    /// <summary>The current hand, 1-based.</summary>
    public required int HandNumber { get; init; }

    /// <summary>The current Hakem.</summary>
    public required int Hakem { get; init; }

    /// <summary>Trump, once named.</summary>
    public Suit? Trump { get; init; }

    /// <summary>True when trump was chosen on timeout.</summary>
    public bool TrumpAuto { get; init; }

    /// <summary>The leader of the trick on the table.</summary>
    public required int Leader { get; init; }

    /// <summary>Each seat's cards, indexed by seat.</summary>
    public required IReadOnlyList<IReadOnlyList<Card>> Hands { get; init; }

    /// <summary>The cards on the table in play order (from <see cref="Leader"/>).</summary>
    public required IReadOnlyList<Card> Trick { get; init; }

    /// <summary>Tricks per team in the current hand.</summary>
    public required TeamScore Tricks { get; init; }

    /// <summary>Points per team.</summary>
    public required TeamScore Score { get; init; }

    /// <summary>The snapshot as camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, HokmJsonContext.Default.GameSnapshot);

    /// <summary>The snapshot as UTF-8 JSON bytes.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, HokmJsonContext.Default.GameSnapshot);

    /// <summary>Reads a snapshot written by <see cref="ToJson"/>.</summary>
    public static GameSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize(json, HokmJsonContext.Default.GameSnapshot) ?? throw new JsonException("The snapshot is null.");

    /// <summary>Reads a snapshot written by <see cref="ToUtf8Json"/>.</summary>
    public static GameSnapshot FromJson(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, HokmJsonContext.Default.GameSnapshot) ?? throw new JsonException("The snapshot is null.");
}
