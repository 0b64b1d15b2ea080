using Hokm.Game.Cards;
using Hokm.Game.Rules;
using static Hokm.Game.Tests.Support.Tables;

namespace Hokm.Game.Tests.Rules;

public sealed class RejectionTests
{
    private static HokmGame Choosing() => HokmGame.Create("42").Game;

    private static HokmGame Started()
    {
        var game = Choosing();
        game.ChooseTrump(0, Suit.Hearts);
        return game;
    }

    private static void AssertRejected(HokmGame game, Func<HokmGame, CommandResult> command, RejectionCode code, string wire)
    {
        var before = State(game);
        var result = command(game);
        Assert.False(result.IsAccepted);
        Assert.Equal(code, result.Rejection!.Code);
        Assert.Equal(wire, result.Rejection.WireCode);
        Assert.Empty(result.Events);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message));
        Assert.Equal(before, State(game));
    }

    [Fact]
    public void Playing_a_card_while_trump_is_being_chosen_is_wrong_phase() =>
        AssertRejected(Choosing(), g => g.PlayCard(0, C("AH")), RejectionCode.WrongPhase, "wrong_phase");

    [Fact]
    public void Choosing_trump_during_play_is_wrong_phase() =>
        AssertRejected(Started(), g => g.ChooseTrump(0, Suit.Spades), RejectionCode.WrongPhase, "wrong_phase");

    [Fact]
    public void Starting_a_hand_during_play_is_wrong_phase() =>
        AssertRejected(Started(), g => g.StartNextHand(), RejectionCode.WrongPhase, "wrong_phase");

    [Fact]
    public void Playing_out_of_turn_is_not_your_turn() =>
        AssertRejected(Started(), g => g.PlayCard(1, C("QD")), RejectionCode.NotYourTurn, "not_your_turn");

    [Fact]
    public void Naming_trump_when_not_Hakem_is_not_hakem() =>
        AssertRejected(Choosing(), g => g.ChooseTrump(2, Suit.Spades), RejectionCode.NotHakem, "not_hakem");

    [Fact]
    public void Playing_a_card_you_do_not_hold_is_card_not_in_hand() =>
        AssertRejected(Started(), g => g.PlayCard(0, C("QD")), RejectionCode.CardNotInHand, "card_not_in_hand");

    [Fact]
    public void Not_following_suit_when_able_is_must_follow_suit()
    {
        var game = Started();
        game.PlayCard(0, C("4D"));
        AssertRejected(game, g => g.PlayCard(1, C("QC")), RejectionCode.MustFollowSuit, "must_follow_suit");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_seat_outside_zero_to_three_is_invalid_field(int seat)
    {
        AssertRejected(Started(), g => g.PlayCard(seat, C("AH")), RejectionCode.InvalidField, "invalid_field");
        AssertRejected(Choosing(), g => g.ChooseTrump(seat, Suit.Spades), RejectionCode.InvalidField, "invalid_field");
    }

    [Fact]
    public void An_undefined_suit_is_invalid_field() =>
        AssertRejected(Choosing(), g => g.ChooseTrump(0, (Suit)7), RejectionCode.InvalidField, "invalid_field");
}
