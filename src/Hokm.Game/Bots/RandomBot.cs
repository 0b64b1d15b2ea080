using Hokm.Game.Cards;
using Hokm.Game.Shuffling;

namespace Hokm.Game.Bots;

/// <summary>Plays a uniformly random legal card and names a random suit. The generator is injected, so games replay.</summary>
public sealed class RandomBot(Xoshiro256StarStar random) : IHokmBot
{
    private readonly Xoshiro256StarStar _random = random ?? throw new ArgumentNullException(nameof(random));

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public Suit ChooseTrump(in TrumpContext context) => (Suit)_random.Below(4);

    /// <inheritdoc />
    public Card ChooseCard(in PlayContext context) => context.Legal.ElementAt(_random.Below(context.Legal.Count));
}
