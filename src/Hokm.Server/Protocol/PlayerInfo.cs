namespace Hokm.Server.Protocol;

/// <summary>One seated player or bot: <c>{seat, playerId, name, bot, connected}</c>.</summary>
/// <param name="Seat">The seat, 0–3.</param>
/// <param name="PlayerId">The player's id; null for a bot.</param>
/// <param name="Name">The name shown at the table.</param>
/// <param name="Bot">True when a bot holds the seat.</param>
/// <param name="Connected">True while the player has a socket (always true for bots).</param>
internal sealed record PlayerInfo(int Seat, string? PlayerId, string Name, bool Bot, bool Connected);
