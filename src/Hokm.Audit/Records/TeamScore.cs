namespace Hokm.Audit.Records;

/// <summary>A pair of per-team numbers as written <c>{"A": n, "B": n}</c>: tricks in a hand, or points.</summary>
internal readonly record struct TeamScore(int A, int B)
{
    public static TeamScore Zero => default;

    public int For(Team team) => team == Team.A ? A : B;

    public TeamScore Add(Team team, int amount) =>
        team == Team.A ? this with { A = A + amount } : this with { B = B + amount };

    public override string ToString() => $"A {A}, B {B}";
}
