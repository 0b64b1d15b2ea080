using System.Text.Json.Serialization;
using Hokm.Game.Cards;

namespace Hokm.Game.Events;

/// <summary>
/// <c>cards_dealt</c>, PRIVATE to <paramref name="Seat"/>: the seat's whole hand so far, in the order dealt —
/// its first five once the Hakem is chosen, then all thirteen once trump is named.
/// </summary>
public sealed record CardsDealt(int HandNumber, int Seat, IReadOnlyList<Card> Cards) : GameEvent(HandNumber)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override int? PrivateTo => Seat;
}
