using System.Text.Json.Serialization;

namespace Hokm.Game.Rules;

/// <summary>One number per team (tricks in a hand, or points in a game), written <c>{"A":n,"B":n}</c>.</summary>
public readonly record struct TeamScore(
    [property: JsonPropertyName("A")] int A,
    [property: JsonPropertyName("B")] int B)
{
    /// <summary>Zero for both teams.</summary>
    public static TeamScore Zero => default;

    /// <summary>The number of one team.</summary>
    public int this[Team team] => team == Team.A ? A : B;

    /// <summary>This pair with <paramref name="amount"/> added to one team.</summary>
    public TeamScore Add(Team team, int amount) => team == Team.A ? this with { A = A + amount } : this with { B = B + amount };
}
