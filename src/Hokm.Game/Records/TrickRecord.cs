using Hokm.Game.Rules;

namespace Hokm.Game.Records;

/// <summary>One trick: who led, the four plays in order, who won.</summary>
public sealed record TrickRecord(int Leader, IReadOnlyList<SeatCard> Plays, int Winner);
