namespace Hokm.Data.Stats;

/// <summary>One ISO week of a player's trend.</summary>
/// <param name="Week">The ISO week (<c>2026-W48</c>).</param>
/// <param name="WeekStart">Its Monday, 00:00 UTC.</param>
/// <param name="Games">Games that ended that week.</param>
/// <param name="Wins">Of those, games won.</param>
/// <param name="WinRate">Wins ÷ games.</param>
public sealed record WeeklyPerformance(string Week, DateTimeOffset WeekStart, int Games, int Wins, double WinRate);
