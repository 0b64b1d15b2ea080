namespace Hokm.Audit;

/// <summary>
/// The stable rule ids reported in <see cref="AuditViolation.Rule"/>. Tools filter and count by
/// these, so they never change meaning once published.
/// </summary>
public static class AuditRules
{
    /// <summary>The record is not hokm-record/1 JSON: bad JSON, wrong format string, missing field, wrong type, bad card/seat/team, targetScore outside 1–7.</summary>
    public const string Format = "format";

    /// <summary>The players are not exactly seats 0, 1, 2, 3 once each.</summary>
    public const string Players = "players";

    /// <summary>The face-up draw for the first Hakem is not a valid draw, or hand 1's Hakem is not the seat that drew the ace.</summary>
    public const string HakemDraw = "hakem_draw";

    /// <summary>The face-up draw differs from the top of deck 0 of the record's seed.</summary>
    public const string SeedDraw = "seed_draw";

    /// <summary>Hands are not numbered 1, 2, 3, … in order.</summary>
    public const string HandNumber = "hand_number";

    /// <summary>A deal is not 13 distinct cards per seat covering the deck, or a seat's first five are not among its cards.</summary>
    public const string Deal = "deal";

    /// <summary>A deal or first five differs from what the record's seed deals.</summary>
    public const string SeedDeal = "seed_deal";

    /// <summary>The Hakem did not stay (after the Hakem's team won) or pass to the next seat (after it lost).</summary>
    public const string HakemRotation = "hakem_rotation";

    /// <summary>The trump is not a suit.</summary>
    public const string Trump = "trump";

    /// <summary>An automatically chosen trump is not the suit the Hakem holds most of among their first five.</summary>
    public const string TrumpAuto = "trump_auto";

    /// <summary>A trick is not led by the Hakem (first trick) or by the previous trick's winner.</summary>
    public const string Leader = "leader";

    /// <summary>A trick does not have exactly four plays by leader, leader+1, leader+2, leader+3.</summary>
    public const string TurnOrder = "turn_order";

    /// <summary>A card was played that the seat did not hold at that moment.</summary>
    public const string CardOwnership = "card_ownership";

    /// <summary>A seat did not follow the led suit while holding it.</summary>
    public const string FollowSuit = "follow_suit";

    /// <summary>The recorded trick winner is not the highest trump or, without trumps, the highest card of the led suit.</summary>
    public const string TrickWinner = "trick_winner";

    /// <summary>A hand did not stop exactly when a team reached 7 tricks.</summary>
    public const string HandEnd = "hand_end";

    /// <summary>A hand's <c>tricksWon</c> differs from the tricks played.</summary>
    public const string TricksWon = "tricks_won";

    /// <summary>A hand's <c>winner</c> is not the team with 7 tricks.</summary>
    public const string HandWinner = "hand_winner";

    /// <summary>A hand's points are not 1, 2 (Kot) or 3 (Hakem Kot) as the tricks say.</summary>
    public const string HandPoints = "hand_points";

    /// <summary>A hand's <c>kot</c> is not none, kot or hakem_kot as the tricks say.</summary>
    public const string Kot = "kot";

    /// <summary>A hand's running score is not the previous score plus the hand's points.</summary>
    public const string RunningScore = "running_score";

    /// <summary>The game did not stop exactly when a team first reached the target score.</summary>
    public const string GameEnd = "game_end";

    /// <summary>The record's final score differs from the running score after the last hand.</summary>
    public const string FinalScore = "final_score";

    /// <summary>The record's winner is not the team that reached the target score.</summary>
    public const string Winner = "winner";

    /// <summary>The auditor itself failed on this record; the record could not be fully audited.</summary>
    public const string Internal = "internal";
}
