using Hokm.Game.Cards;

namespace Hokm.Game.Bots;

/// <summary>
/// A player strategy. It is shown only what its seat can see (<see cref="TrumpContext"/>,
/// <see cref="PlayContext"/>): its own cards and the public table, never another hand.
/// </summary>
public interface IHokmBot
{
    /// <summary>A name for logs and game records.</summary>
    string Name { get; }

    /// <summary>As Hakem, names trump from the first five cards.</summary>
    Suit ChooseTrump(in TrumpContext context);

    /// <summary>Picks a card; it must be one of <see cref="PlayContext.Legal"/>.</summary>
    Card ChooseCard(in PlayContext context);
}
