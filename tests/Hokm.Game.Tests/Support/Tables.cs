using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Tests.Support;

/// <summary>Builds games in a chosen position through the public snapshot/restore path.</summary>
internal static class Tables
{
    /// <summary>
    /// A game in the playing phase. Each hand must hold 13 − (tricks played) cards, minus one for seats
    /// that already played to <paramref name="trick"/>; every other card counts as played.
    /// </summary>
    public static HokmGame Playing(
        Suit trump,
        int hakem,
        int leader,
        string[] hands,
        TeamScore tricks = default,
        TeamScore score = default,
        string trick = "",
        int targetScore = 7) =>
        HokmGame.Restore(new GameSnapshot
        {
            Seed = "table",
            Options = new GameOptions { TargetScore = targetScore },
            Phase = GamePhase.Playing,
            HandNumber = 1,
            Hakem = hakem,
            Trump = trump,
            Leader = leader,
            Hands = [.. hands.Select(h => (IReadOnlyList<Card>)CardSet.Parse(h).ToArray())],
            Trick = [.. trick.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Card.Parse)],
            Tricks = tricks,
            Score = score,
        });

    /// <summary>The snapshot JSON, to show a command changed nothing.</summary>
    public static string State(HokmGame game) => game.ToSnapshot().ToJson();

    public static Card C(string text) => Card.Parse(text);
}
