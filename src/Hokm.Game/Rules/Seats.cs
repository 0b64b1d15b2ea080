namespace Hokm.Game.Rules;

/// <summary>Seats 0..3 in playing order; partners sit opposite.</summary>
public static class Seats
{
    /// <summary>Players at the table.</summary>
    public const int Count = 4;

    /// <summary>True for 0..3.</summary>
    public static bool IsValid(int seat) => (uint)seat < Count;

    /// <summary>Team A for seats 0 and 2, team B for 1 and 3.</summary>
    public static Team TeamOf(int seat) => (Team)(seat & 1);

    /// <summary>The seat that plays after <paramref name="seat"/>.</summary>
    public static int Next(int seat) => (seat + 1) & 3;

    /// <summary>The seat opposite.</summary>
    public static int PartnerOf(int seat) => (seat + 2) & 3;

    /// <summary>The other team.</summary>
    public static Team Opponent(this Team team) => team == Team.A ? Team.B : Team.A;
}
