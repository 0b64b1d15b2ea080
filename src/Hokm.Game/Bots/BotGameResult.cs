using Hokm.Game.Rules;

namespace Hokm.Game.Bots;

/// <summary>How a bot game ended.</summary>
public sealed record BotGameResult(Team Winner, TeamScore Score, int Hands);
