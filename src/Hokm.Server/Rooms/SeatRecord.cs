namespace Hokm.Server.Rooms;

/// <summary>Who holds a seat: a player (<paramref name="PlayerId"/>) or a bot.</summary>
internal sealed record SeatRecord(string? PlayerId, string Name, bool Bot)
{
    /// <summary>A bot for <paramref name="seat"/>.</summary>
    public static SeatRecord BotFor(int seat) => new(null, $"Bot {seat + 1}", true);

    /// <summary>True when this seat is the given human player's.</summary>
    public bool IsPlayer(string playerId) => !Bot && string.Equals(PlayerId, playerId, StringComparison.Ordinal);
}
