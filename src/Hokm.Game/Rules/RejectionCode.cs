using System.Text.Json.Serialization;

namespace Hokm.Game.Rules;

/// <summary>Why a command was refused; the wire names are PROTOCOL.md's error codes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RejectionCode>))]
public enum RejectionCode
{
    /// <summary>A field is out of range (e.g. a seat that is not 0..3).</summary>
    [JsonStringEnumMemberName("invalid_field")]
    InvalidField,

    /// <summary>The command does not fit the game's phase.</summary>
    [JsonStringEnumMemberName("wrong_phase")]
    WrongPhase,

    /// <summary>Another seat is to play.</summary>
    [JsonStringEnumMemberName("not_your_turn")]
    NotYourTurn,

    /// <summary>Only the Hakem names trump.</summary>
    [JsonStringEnumMemberName("not_hakem")]
    NotHakem,

    /// <summary>The seat does not hold that card.</summary>
    [JsonStringEnumMemberName("card_not_in_hand")]
    CardNotInHand,

    /// <summary>The seat holds the led suit and played another.</summary>
    [JsonStringEnumMemberName("must_follow_suit")]
    MustFollowSuit,
}
