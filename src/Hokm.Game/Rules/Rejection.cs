namespace Hokm.Game.Rules;

/// <summary>A refused command: the protocol error code and a message for people.</summary>
public sealed record Rejection(RejectionCode Code, string Message)
{
    /// <summary>The protocol's error code, e.g. <c>must_follow_suit</c>.</summary>
    public string WireCode => Code switch
    {
        RejectionCode.InvalidField => "invalid_field",
        RejectionCode.WrongPhase => "wrong_phase",
        RejectionCode.NotYourTurn => "not_your_turn",
        RejectionCode.NotHakem => "not_hakem",
        RejectionCode.CardNotInHand => "card_not_in_hand",
        RejectionCode.MustFollowSuit => "must_follow_suit",
        _ => throw new InvalidOperationException($"Unknown rejection code {Code}."),
    };
}
