using Hokm.Game.Cards;
using Hokm.Game.Rules;

namespace Hokm.Server.Rooms;

/// <summary>The outcome of one hand, kept in the room document for the game's write-through completion.</summary>
internal sealed record CompletedHand(int Number, int Hakem, Suit Trump, bool TrumpAuto, int TricksA, int TricksB, Team Winner, int Points, Kot Kot);
