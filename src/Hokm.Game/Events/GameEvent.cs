using System.Text.Json.Serialization;

namespace Hokm.Game.Events;

/// <summary>
/// Something that happened in a game. Each type mirrors one server message of PROTOCOL.md (the
/// discriminator is the message's <c>type</c>), so the server maps events to messages one to one.
/// Events marked private (<see cref="PrivateTo"/>) go to that seat only.
/// </summary>
/// <param name="HandNumber">The hand the event belongs to, 1-based.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HakemChosen), "hakem_chosen")]
[JsonDerivedType(typeof(CardsDealt), "cards_dealt")]
[JsonDerivedType(typeof(TrumpChosen), "trump_chosen")]
[JsonDerivedType(typeof(CardPlayed), "card_played")]
[JsonDerivedType(typeof(TrickWon), "trick_won")]
[JsonDerivedType(typeof(HandOver), "hand_over")]
[JsonDerivedType(typeof(GameOver), "game_over")]
public abstract record GameEvent(int HandNumber)
{
    /// <summary>The only seat allowed to see this event, or null when every seat may.</summary>
    [JsonIgnore]
    public virtual int? PrivateTo => null;

    /// <summary>True when the event must reach only <see cref="PrivateTo"/>.</summary>
    [JsonIgnore]
    public bool IsPrivate => PrivateTo is not null;

    /// <summary>True when the given seat may see the event.</summary>
    public bool IsVisibleTo(int seat) => PrivateTo is not { } only || only == seat;
}
