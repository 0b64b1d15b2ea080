using FsCheck;
using FsCheck.Fluent;

namespace Hokm.Game.Tests.Properties;

/// <summary>One random game: its seed, options and which seats the heuristic bot plays (bit per seat).</summary>
public sealed record GameCase(int Seed, int TargetScore, bool RandomFirstHakem, int HeuristicSeats)
{
    public string SeedText => "prop-" + Seed;
}

/// <summary>Seeds drawn from the whole int range (FsCheck's default ints stay small and repeat).</summary>
public static class GameCases
{
    public static Arbitrary<GameCase> Cases() =>
        (from seed in Gen.Choose(0, int.MaxValue - 1)
         from target in Gen.Choose(1, 7)
         from randomHakem in Gen.Choose(0, 4)
         from heuristic in Gen.Choose(0, 15)
         select new GameCase(seed, target, randomHakem == 0, heuristic)).ToArbitrary();
}
