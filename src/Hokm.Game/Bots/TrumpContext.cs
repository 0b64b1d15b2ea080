using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Game.Bots;

/// <summary>What the Hakem knows when naming trump.</summary>
public readonly record struct TrumpContext(int Seat, CardSet FirstFive, TeamScore Score, int HandNumber, int TargetScore);
