namespace Hokm.Audit.Records;

/// <summary>
/// One hand as recorded. A null member could not be read (already reported as a format
/// violation); checks that need it are skipped.
/// </summary>
/// <param name="Position">1-based position in the record's <c>hands</c> array: the hand's true number and deck.</param>
/// <param name="FirstFive">Indexed by seat; null when any seat's cards could not be read.</param>
/// <param name="Deal">Indexed by seat; null when any seat's cards could not be read.</param>
internal sealed record HandRecord(
    int Position,
    int? Number,
    int? Hakem,
    IReadOnlyList<IReadOnlyList<Card>>? FirstFive,
    IReadOnlyList<IReadOnlyList<Card>>? Deal,
    Suit? Trump,
    bool? TrumpAuto,
    IReadOnlyList<TrickRecord>? Tricks,
    TeamScore? TricksWon,
    Team? Winner,
    int? Points,
    Kot? Kot,
    TeamScore? Score);
